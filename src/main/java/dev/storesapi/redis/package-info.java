/**
 * Whether this process uses Redis: the one rule the email queue and the shared rate limits follow
 * (docs/configuration.md, "Redis").
 */
package dev.storesapi.redis;
