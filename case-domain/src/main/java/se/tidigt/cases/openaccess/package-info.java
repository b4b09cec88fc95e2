/** Open-access support (SFS 2025:400): counts per district, month and kind, without individual cases. */
package se.tidigt.cases.openaccess;
