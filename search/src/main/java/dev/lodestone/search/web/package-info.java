/** The HTTP edge of search: the JSON API, the health check and the search page. */
package dev.lodestone.search.web;
