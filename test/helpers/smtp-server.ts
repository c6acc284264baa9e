/** A real SMTP server (the smtp-server package) in the test process, for the e-mail notification tests. */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message as the SMTP server received it, parsed. */
export interface Received {
  to: string[];
  from: string;
  subject: string;
  text: string;
}

/** A real SMTP server in the test process, collecting what it receives; `refuse` makes it reject recipients. */
export class TestSmtpServer {
  received: Received[] = [];
  refuse = new Set<string>();
  /** How many of the next messages to hold without an answer (a send stuck mid-way); see `held`. */
  holdNext = 0;
  /** Subjects of the messages held so far, never answered. */
  held: string[] = [];
  private server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo: (address, _session, callback) => {
      if (this.refuse.has(address.address)) {
        const error = new Error('邮箱暂时不可用') as Error & { responseCode: number };
        error.responseCode = 450;
        callback(error);
      } else callback();
    },
    onData: (stream, session, callback) => {
      simpleParser(stream).then(
        (parsed) => {
          if (this.holdNext > 0) {
            this.holdNext--;
            this.held.push(parsed.subject ?? '');
            return;
          }
          this.received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: parsed.from?.value[0]?.address ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
          });
          callback();
        },
        (error: Error) => callback(error)
      );
    },
  });
  port = 0;

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
  /** The messages received since the last call, sorted by recipient. */
  take(): Received[] {
    const taken = this.received.sort((a, b) => a.to.join().localeCompare(b.to.join()));
    this.received = [];
    return taken;
  }
}
