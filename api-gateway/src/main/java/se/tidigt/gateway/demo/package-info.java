/** The demo-data load's progress over HTTP, for platform admins (module demo-data writes the demo city). */
package se.tidigt.gateway.demo;
