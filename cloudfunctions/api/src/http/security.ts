/**
 * What the gateway tells browsers about the H5 app (Content-Security-Policy and its companions), and how long
 * it waits for a client to finish sending a request.
 */
import crypto from 'node:crypto';
import type { FastifyHelmetOptions } from '@fastify/helmet';

/** A client that has not sent its whole request by then is answered 408 and cut off (slow-loris bodies). */
export const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Node checks request deadlines on a timer (30 s by default), so a 10 s limit could really be 40 s:
 * checking every second keeps the cut-off within a second of the limit.
 */
export function connectionsCheckingInterval(requestTimeoutMs: number): number {
  return Math.max(50, Math.min(1000, Math.floor(requestTimeoutMs / 4)));
}

/**
 * Options for Node's HTTP server. Fastify's `requestTimeout` alone does not cut off a stalled body on Node 20:
 * the headers deadline (60 s by default) must not be longer than the request's, or a request whose headers
 * arrived is never expired (measured: a one-byte body hung past 60 s).
 */
export function serverTimeouts(requestTimeoutMs: number): { requestTimeout: number; headersTimeout: number; connectionsCheckingInterval: number } {
  return {
    requestTimeout: requestTimeoutMs,
    headersTimeout: requestTimeoutMs,
    connectionsCheckingInterval: connectionsCheckingInterval(requestTimeoutMs),
  };
}

/**
 * Scripts written into the page itself (Taro's rem sizing, the gateway's demo flag, the events page's start of the app),
 * allowed by their exact hash.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.add(`'sha256-${crypto.createHash('sha256').update(match[1], 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * The policy the H5 build runs under (checked in Chromium by tests/e2e/csp.e2e.ts):
 * - scripts only from our origin, plus the page's own inline scripts by hash; no eval, no inline handlers;
 * - styles also inline: Taro's web components and NutUI write <style> elements and style attributes at run time;
 * - images also as data: (stored enterprise logos, NutUI's icons) and blob: (Taro.chooseImage's previews);
 * - the API is on the same origin; nothing may frame the app, post a form elsewhere or load plugins.
 * No upgrade-insecure-requests: the demo is reached over plain HTTP on a LAN address too.
 */
export function helmetOptions(pages: readonly (string | null)[]): FastifyHelmetOptions {
  return {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", ...new Set(pages.flatMap((page) => (page ? inlineScriptHashes(page) : [])))],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Off by default in helmet 8; named so nobody wonders: the app embeds nothing cross-origin.
    crossOriginEmbedderPolicy: false,
  };
}
