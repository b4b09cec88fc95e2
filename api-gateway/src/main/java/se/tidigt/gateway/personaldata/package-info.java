/** The operators' erasure on request and the weeding's preview and reports, over HTTP (module personal-data does the work). */
package se.tidigt.gateway.personaldata;
