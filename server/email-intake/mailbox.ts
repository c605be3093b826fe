// Where the helpline mailbox is: IMAP_URL taken apart. The password stays in this object and
// is never logged or put into an error message.
export interface MailboxAddress {
  host: string;
  port: number;
  /** imaps:// (TLS from the start); imap:// uses STARTTLS when the server offers it. */
  isTls: boolean;
  user: string;
  password: string;
  /** The folder to read, INBOX by default. */
  folder: string;
  /** Where correspondents' answers should go: ?address=…, or the user name when it is an address. */
  replyAddress: string | null;
  /** Identifies the mailbox in imap_state (a different account or folder starts afresh). */
  stateKey: string;
}

export function parseImapUrl(imapUrl: string): MailboxAddress {
  const url = new URL(imapUrl);
  const isTls = url.protocol === 'imaps:';
  const user = decodeURIComponent(url.username);
  const folder = decodeURIComponent(url.pathname.replace(/^\/+/, '')) || 'INBOX';
  const port = url.port ? Number(url.port) : isTls ? 993 : 143;
  const given = url.searchParams.get('address');
  const replyAddress = given && given.includes('@') ? given : user.includes('@') ? user : null;
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port,
    isTls,
    user,
    password: decodeURIComponent(url.password),
    folder,
    replyAddress,
    stateKey: `${user}@${url.hostname}:${port}/${folder}`,
  };
}
