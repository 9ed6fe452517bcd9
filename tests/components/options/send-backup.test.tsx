/** Issue 18: a large backup goes to the background in parts, with progress; a small one in one message. */
import { describe, expect, it, vi } from 'vitest';
import { sendBackup, type ImportProgress } from '../../../components/options/send-backup';

const client = vi.hoisted(() => ({ send: vi.fn() }));
vi.mock('../../../lib/messaging/client', () => ({ send: client.send }));

describe('sendBackup', () => {
  it('sends a large file in parts, then imports the upload by its id, reporting each step', async () => {
    client.send.mockReset().mockImplementation(async (type: string) => (type === 'importBackup' ? { added: 1 } : { received: 1 }));
    const progress: ImportProgress[] = [];
    await sendBackup('abcdefghij', (p) => progress.push(p), 4);
    const calls = client.send.mock.calls as [string, Record<string, unknown>][];
    const parts = calls.filter(([t]) => t === 'importBackupPart').map(([, p]) => p);
    expect(parts.map((p) => p.text).join('')).toBe('abcdefghij');
    expect(parts.map((p) => [p.index, p.count])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    expect(calls.at(-1)).toEqual(['importBackup', { uploadId: parts[0]!.uploadId }]);
    expect(progress).toEqual([
      { phase: 'sending', sent: 0, total: 3 },
      { phase: 'sending', sent: 1, total: 3 },
      { phase: 'sending', sent: 2, total: 3 },
      { phase: 'writing' },
    ]);
  });

  it('sends a small file as one message', async () => {
    client.send.mockReset().mockResolvedValue({ added: 0 });
    await sendBackup('{}', undefined, 4);
    expect(client.send.mock.calls).toEqual([['importBackup', { text: '{}' }]]);
  });
});
