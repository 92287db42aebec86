/**
 * The staff web application's extension point: a bundle contributes a page by publishing a
 * {@link org.xinfang.web.WebPage} service, and serves browser files with {@link org.xinfang.web.StaticFiles}.
 */
package org.xinfang.web;
