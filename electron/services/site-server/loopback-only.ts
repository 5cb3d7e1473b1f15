/**
 * For a Node dev server that takes no address to listen on and listens on every network
 * interface (Eleventy's): a CommonJS module Folio loads into its Node first (`--require`),
 * so that every server it opens listens on this computer only. A draft served to the
 * Site preview is not served to the café's Wi-Fi.
 */

/** Beside the fresh folder the server builds into, outside the blog. */
export const LOOPBACK_ONLY_FILE = 'folio-loopback-only.cjs';

// Plain ES2015 CommonJS: it runs in whatever Node the blog has.
export const LOOPBACK_ONLY_MODULE = `'use strict';
// Written by Folio for its Site preview: every server this program opens listens on
// 127.0.0.1 only, whatever address (or none) it asks for. Unix sockets are left alone.
var net = require('net');
var listen = net.Server.prototype.listen;
var HOST = '127.0.0.1';
net.Server.prototype.listen = function () {
  var args = Array.prototype.slice.call(arguments);
  var first = args[0];
  if (args.length === 0 || typeof first === 'function') {
    args.unshift(0, HOST);
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\\d+$/.test(first))) {
    if (typeof args[1] === 'string') args[1] = HOST;
    else args.splice(1, 0, HOST);
  } else if (first && typeof first === 'object' && first.path === undefined &&
      first.fd === undefined && !first._handle) {
    args[0] = Object.assign({}, first, { host: HOST });
  }
  return listen.apply(this, args);
};
`;
