import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWebApp } from './web-app';

const script = 'export const greeting = "hello";\n'.repeat(200);

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

// node:http, not fetch: fetch asks for compression itself and undoes it before the test sees it.
function get(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('serving the built web app', () => {
  let distDir: string;
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    distDir = mkdtempSync(path.join(tmpdir(), 'harbour-web-dist-'));
    mkdirSync(path.join(distDir, 'assets'));
    writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>Harbour</title>');
    writeFileSync(path.join(distDir, 'assets', 'queue-abc123.js'), script);
    writeFileSync(path.join(distDir, 'assets', 'queue-abc123.js.br'), brotliCompressSync(script));
    writeFileSync(path.join(distDir, 'assets', 'queue-abc123.js.gz'), gzipSync(script));
    writeFileSync(path.join(distDir, 'assets', 'tiny-def456.js'), 'export {};\n');
    const app = express();
    serveWebApp(app, distDir);
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(distDir, { recursive: true, force: true });
  });

  it('sends the Brotli copy to a browser that accepts it, as JavaScript, cached for a year', async () => {
    const response = await get(`${baseUrl}/assets/queue-abc123.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^text\/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(response.body).toString()).toBe(script);
  });

  it('sends the gzip copy when Brotli is not accepted, and the original when neither is', async () => {
    const gzipped = await get(`${baseUrl}/assets/queue-abc123.js`, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString()).toBe(script);

    const refusesBrotli = await get(`${baseUrl}/assets/queue-abc123.js`, { 'accept-encoding': 'br;q=0, gzip' });
    expect(refusesBrotli.headers['content-encoding']).toBe('gzip');

    const plain = await get(`${baseUrl}/assets/queue-abc123.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.body.toString()).toBe(script);
  });

  it('sends an asset without compressed copies as it is', async () => {
    const response = await get(`${baseUrl}/assets/tiny-def456.js`, { 'accept-encoding': 'br, gzip' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString()).toBe('export {};\n');
  });

  it('answers a missing asset with 404, not with the app page', async () => {
    const response = await get(`${baseUrl}/assets/queue-old999.js`, { 'accept-encoding': 'br' });
    expect(response.status).toBe(404);
  });

  it('sends the app page for any other path, to be checked again on every visit', async () => {
    const response = await get(`${baseUrl}/cases/H-2026-00001`);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body.toString()).toContain('<title>Harbour</title>');
  });
});
