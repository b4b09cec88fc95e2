/**
 * Personal data by design: free text about a family sealed with a key of the case's own, erasure by
 * destroying that key (crypto-shredding), and the statutory weeding (gallring) that erases on a schedule.
 */
package se.tidigt.personaldata;
