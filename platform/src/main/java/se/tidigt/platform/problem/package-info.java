/** The problem a request fails with (an RFC 9457 problem detail); the gateway maps it to its answer. */
package se.tidigt.platform.problem;
