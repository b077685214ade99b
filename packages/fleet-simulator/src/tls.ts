import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

/** A throw-away CA and a server certificate for 127.0.0.1 / localhost. */
export type SimulatorTls = { caPem: string; certPem: string; keyPem: string };

/**
 * Real API servers speak TLS, and kubectl sends bearer tokens only over TLS, so the simulated
 * clusters do too. The certificates are made with Debian's openssl for this process only.
 */
export function createSimulatorTls(): SimulatorTls {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-sim-tls-'));
  const run = (args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  try {
    run([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '2',
      '-subj',
      '/CN=SRC fleet simulator CA',
    ]);
    run([
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'server.key',
      '-out',
      'server.csr',
      '-subj',
      '/CN=127.0.0.1',
    ]);
    fs.writeFileSync(
      path.join(dir, 'ext.cnf'),
      'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n',
    );
    run([
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'server.crt',
      '-days',
      '2',
      '-extfile',
      'ext.cnf',
    ]);
    return {
      caPem: fs.readFileSync(path.join(dir, 'ca.crt'), 'utf8'),
      certPem: fs.readFileSync(path.join(dir, 'server.crt'), 'utf8'),
      keyPem: fs.readFileSync(path.join(dir, 'server.key'), 'utf8'),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
