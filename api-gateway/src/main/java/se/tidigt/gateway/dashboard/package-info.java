/**
 * The city dashboard: the sign-in page, the page's own security (the demo users' form login and, in
 * production, OIDC sign-in with PKCE at the city's identity provider; a session for the page's calls
 * to the API) and what the page asks about the signed-in user. The page itself, its
 * scripts and styles are static resources (static/index.html, static/dashboard/).
 */
package se.tidigt.gateway.dashboard;
