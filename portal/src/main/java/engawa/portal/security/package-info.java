/**
 * The two filter chains (bearer tokens for the API, Vaadin's sessions for the pages), the API
 * token filter and OpenID Connect sign-in. Depends on people (accounts, tokens) and app (the
 * sign-in view).
 */
package engawa.portal.security;
