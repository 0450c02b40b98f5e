import { hashJson, hashString } from '../../src/core/fingerprint';

describe('fingerprints', () => {
  it('are 14 hex characters and deterministic', () => {
    expect(hashString('Operaciones')).toMatch(/^[0-9a-f]{14}$/);
    expect(hashString('Operaciones')).toBe(hashString('Operaciones'));
  });

  it('differ for different inputs, including one-character changes', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) seen.add(hashString(`header-${i}`));
    expect(seen.size).toBe(5000);
    expect(hashString('Total_Uniones')).not.toBe(hashString('Total_Unionez'));
  });

  it('ignore object key order but not array order', () => {
    expect(hashJson({ a: 1, b: [1, 2] })).toBe(hashJson({ b: [1, 2], a: 1 }));
    expect(hashJson([1, 2])).not.toBe(hashJson([2, 1]));
  });
});
