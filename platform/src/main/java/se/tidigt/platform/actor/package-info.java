/**
 * Who is acting: the actor and their role, read from the request's security context, which every
 * event's metadata and every access-log entry records.
 */
package se.tidigt.platform.actor;
