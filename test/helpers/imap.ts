// A real IMAP server for tests: Debian's Dovecot (dovecot-imapd), started in the foreground
// with a configuration that keeps everything (sockets, state, log, mail) in one temporary
// folder, on a free port of 127.0.0.1. One server per test file; stop() kills it and removes
// the folder. Runs as root (as on CI): the mail itself belongs to `nobody`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const DOVECOT = '/usr/sbin/dovecot';
export const DOVEADM = '/usr/bin/doveadm';

export interface TestImapServer {
  port: number;
  user: string;
  password: string;
  /** imap://user:pass@127.0.0.1:port/INBOX, for IMAP_URL. */
  url: string;
  /** Puts one raw RFC 5322 message into the user's INBOX (doveadm save). */
  deliver(raw: string): void;
  /** Empties the mailbox and gives it a new UIDVALIDITY (as a restored or recreated mailbox would have). */
  recreateInbox(): void;
  /** Flags of every message in INBOX, by UID (doveadm fetch). */
  flags(): Map<number, string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('data', (chunk) => done(chunk.toString().startsWith('* OK')));
    socket.once('error', () => done(false));
  });
}

function config(dir: string, port: number): string {
  return `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
info_log_path = ${dir}/dovecot.log
mail_temp_dir = ${dir}/tmp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
protocols = imap
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=${dir}/mail/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
`;
}

export async function startImapServer(user = 'helpline', password = 'imap-test-password'): Promise<TestImapServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bezbedno-imap-'));
  fs.chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'tmp', 'mail']) fs.mkdirSync(path.join(dir, sub), { mode: 0o755 });
  // Dovecot runs the mail processes as nobody: they create the maildir and write temp files.
  fs.chmodSync(path.join(dir, 'mail'), 0o777);
  fs.chmodSync(path.join(dir, 'tmp'), 0o1777);
  fs.writeFileSync(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`, { mode: 0o644 });
  const conf = path.join(dir, 'dovecot.conf');

  let child: ChildProcess | null = null;
  let port = 0;
  for (let attempt = 0; attempt < 5 && !child; attempt++) {
    port = await freePort();
    fs.writeFileSync(conf, config(dir, port));
    const started = spawn(DOVECOT, ['-F', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    started.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    started.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    let exited = false;
    started.once('exit', () => (exited = true));
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !exited) {
      if (await greets(port)) {
        child = started;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    if (!child) {
      started.kill('SIGKILL');
      const log = fs.existsSync(path.join(dir, 'dovecot.log')) ? fs.readFileSync(path.join(dir, 'dovecot.log'), 'utf8') : '';
      if (attempt === 4) throw new Error(`Dovecot did not start: ${output}\n${log}`);
    }
  }

  const doveadm = (args: string[], input?: string) => {
    const result = spawnSync(DOVEADM, ['-c', conf, ...args], { input, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`doveadm ${args[0]} failed: ${result.stderr}`);
    return result.stdout;
  };

  return {
    port,
    user,
    password,
    url: `imap://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/INBOX`,
    deliver(raw) {
      doveadm(['save', '-u', user, '-m', 'INBOX'], raw.replace(/\r?\n/g, '\r\n'));
    },
    recreateInbox() {
      const before = Number(/uidvalidity=(\d+)/.exec(doveadm(['mailbox', 'status', '-u', user, 'uidvalidity', 'INBOX']).trim())?.[1] ?? 0);
      doveadm(['expunge', '-u', user, 'mailbox', 'INBOX', 'all']);
      fs.rmSync(path.join(dir, 'mail', user, 'Maildir'), { recursive: true, force: true });
      // A recreated mailbox starts its UIDs again at 1 under a new UIDVALIDITY.
      doveadm(['mailbox', 'update', '-u', user, '--uid-validity', String(before + 1), 'INBOX']);
    },
    flags() {
      const out = doveadm(['-f', 'tab', 'fetch', '-u', user, 'uid flags', 'mailbox', 'INBOX', 'all']);
      const byUid = new Map<number, string>();
      for (const line of out.trim().split('\n').slice(1)) {
        const [uid, flags = ''] = line.split('\t');
        if (uid) byUid.set(Number(uid), flags);
      }
      return byUid;
    },
    async stop() {
      const exited = new Promise<void>((resolve) => {
        if (!child || child.exitCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      child?.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child && child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
