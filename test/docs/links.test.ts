/**
 * Every relative link in the repository's Markdown (README.md, docs/**, the folder READMEs)
 * resolves to a file or folder inside the repository, and every #anchor to a heading of its page.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

/** Markdown files under version control plus new ones not yet committed (untracked, not ignored). */
function markdownFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return listed
    .split('\n')
    .filter((file) => file !== '' && existsSync(join(ROOT, file)))
    .sort();
}

/** Inline links and images `[text](target)` outside code: fenced blocks and `code spans` are dropped first. */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchorsOf(markdown: string): Set<string> {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '');
  const anchors = new Set<string>();
  for (const [, heading] of prose.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    anchors.add(slug);
  }
  for (const [, id] of prose.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(id);
  return anchors;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

function problemsOf(file: string): string[] {
  const markdown = readFileSync(join(ROOT, file), 'utf8');
  const problems: string[] = [];
  for (const target of linkTargets(markdown)) {
    if (isExternal(target)) continue;
    const [path, anchor] = target.split('#') as [string, string | undefined];
    const resolved = path === '' ? join(ROOT, file) : resolve(ROOT, dirname(file), decodeURIComponent(path));
    const inside = relative(ROOT, resolved);
    if (inside.startsWith('..') || resolve(ROOT, inside) !== resolved) {
      problems.push(`${file}: ${target} points outside the repository`);
    } else if (!existsSync(resolved)) {
      problems.push(`${file}: ${target} does not exist`);
    } else if (anchor !== undefined && resolved.endsWith('.md') && statSync(resolved).isFile()) {
      if (!anchorsOf(readFileSync(resolved, 'utf8')).has(anchor))
        problems.push(`${file}: ${target} has no such heading`);
    }
  }
  return problems;
}

describe('Markdown links', () => {
  it('finds links and anchors the way GitHub renders them', () => {
    const page =
      '# Scopes\n## Deploy (clasp)\nSee [a](docs/a.md#x), ![img](p.png "t") and `[no](code.md)`.\n```\n[no](fenced.md)\n```\n';
    expect(linkTargets(page)).toEqual(['docs/a.md#x', 'p.png']);
    expect([...anchorsOf(page)]).toEqual(['scopes', 'deploy-clasp']);
  });

  it('README.md, docs/ and the folder READMEs are all checked', () => {
    const files = markdownFiles();
    expect(files).toEqual(
      expect.arrayContaining(['README.md', 'docs/usage.md', 'docs/security.md', 'src/core/README.md']),
    );
  });

  it('every relative link resolves inside the repository (and every #anchor to a heading)', () => {
    expect(markdownFiles().flatMap(problemsOf)).toEqual([]);
  });
});
