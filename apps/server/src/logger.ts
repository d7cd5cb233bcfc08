import pino, { type Logger } from 'pino';

// Requests are logged by method and path only: query strings and bodies can hold a
// person's name or phone number, and cookies are secrets.
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'harbour' },
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], remove: true },
  });
}
