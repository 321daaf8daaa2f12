import * as nodeFs from 'node:fs';
import * as path from 'node:path';

/** What lies outside the workspace; must never show in a result. */
export const SECRET = 'SECRET-5d0c9e71';

/** Manifest files by format: where each is put (in its own folder) and a valid UTF-8 text. */
export const MANIFEST_FORMATS: Readonly<Record<string, { file: string; text: string }>> = {
  packageJson: { file: 'package.json', text: '{ "name": "m", "dependencies": { "express": "4" } }\n' },
  dockerfile: { file: 'Dockerfile', text: 'FROM node:20\nEXPOSE 3000\n' },
  compose: { file: 'docker-compose.yml', text: 'services:\n  api:\n    image: node:20\n' },
  serverless: {
    file: 'serverless.yml',
    text: 'service: s\nprovider:\n  name: aws\nfunctions:\n  f:\n    handler: h.f\n',
  },
  sam: {
    file: 'template.yaml',
    text: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n',
  },
  kubernetes: { file: 'deploy.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n' },
  helm: { file: 'Chart.yaml', text: 'apiVersion: v2\nname: c\nversion: 1.0.0\n' },
  terraform: { file: 'main.tf', text: 'resource "aws_lambda_function" "f" {\n  handler = "i.h"\n}\n' },
  wrangler: { file: 'wrangler.toml', text: 'name = "w"\nmain = "src/index.ts"\n' },
  azureHost: { file: 'host.json', text: '{ "version": "2.0" }\n' },
  procfile: { file: 'Procfile', text: 'web: node server.js\n' },
};

export type Encoding = 'utf16le' | 'utf16be' | 'latin1' | 'binary' | 'broken' | 'utf8';

/** Encodings whose file ArchLens must name in a `skipped:` warning. */
export const UNREADABLE: ReadonlySet<Encoding> = new Set(['latin1', 'binary']);

export function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'broken':
      return Buffer.from(text.slice(0, Math.ceil(text.length / 2)) + '\n  : [ {{ "', 'utf8');
    case 'latin1':
      // `é` as the one byte 0xE9: not UTF-8.
      return Buffer.from('\u00e9' + text, 'latin1');
    case 'binary':
      return Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 0xff, 0]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}

/** Odd characters for file names: control characters, markup, shell and format syntax. */
export const ODD_NAMES = [
  'new\nline',
  '<script>alert(1)<\\script>',
  'back`tick`',
  `q"uo'te`,
  '100%d%s',
  '$(touch pwned)',
  'ctrl\u0001\u001b[31m',
  '${process.exit()}',
  ' spaced ',
];

/** A snapshot of everything under `dir` (not following links): path → kind, size, mtime, bytes. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (abs: string): void => {
    const stat = nodeFs.lstatSync(abs);
    const rel = path.relative(dir, abs);
    if (stat.isSymbolicLink()) out.set(rel, `link ${nodeFs.readlinkSync(abs)} ${stat.mtimeMs}`);
    else if (stat.isDirectory()) {
      out.set(rel, `dir ${stat.mtimeMs}`);
      for (const name of nodeFs.readdirSync(abs)) visit(path.join(abs, name));
    } else out.set(rel, `file ${stat.size} ${stat.mtimeMs} ${nodeFs.readFileSync(abs).toString('base64')}`);
  };
  visit(dir);
  return out;
}
