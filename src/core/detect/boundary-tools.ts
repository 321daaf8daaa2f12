import type { DetectContext } from './context';
import type { Fact } from './scoring';

const JVM_BUILDS = ['pom.xml', 'build.gradle', 'build.gradle.kts'];
const ESLINT_CONFIGS = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  '.eslintrc.js',
  '.eslintrc.cjs',
  '.eslintrc.json',
  '.eslintrc',
];

/** A tool that makes a build fail when one module reaches into another, and where it shows. */
interface BoundaryTool {
  readonly name: string;
  /** Names of the files that declare or configure it (build files are not scanned sources). */
  readonly files: readonly string[];
  /** What their text must contain. */
  readonly text: RegExp;
}

/**
 * Module-boundary checkers, by language: a workspace that runs one of them has boundaries that
 * are enforced, not only drawn. One entry per tool; the text must name the tool itself.
 */
export const BOUNDARY_TOOLS: readonly BoundaryTool[] = [
  {
    name: 'Spring Modulith',
    files: JVM_BUILDS,
    text: /spring-modulith/,
  },
  {
    name: 'ArchUnit',
    files: JVM_BUILDS,
    text: /com\.tngtech\.archunit|\barchunit\b/,
  },
  {
    name: 'jMolecules',
    files: JVM_BUILDS,
    text: /jmolecules-(?:archunit|ddd)/,
  },
  {
    name: 'NetArchTest',
    files: ['Directory.Packages.props', 'Directory.Build.props'],
    text: /NetArchTest\.Rules|ArchUnitNET/,
  },
  {
    name: 'import-linter',
    files: ['.importlinter', 'setup.cfg', 'pyproject.toml'],
    text: /\[(?:tool\.)?importlinter/,
  },
  {
    name: 'eslint-plugin-boundaries',
    files: ['package.json', ...ESLINT_CONFIGS],
    text: /eslint-plugin-boundaries|["']boundaries\/(?:element-types|entry-point|no-private)/,
  },
  {
    name: 'Nx module boundaries',
    files: ESLINT_CONFIGS,
    // The rule every Nx workspace is generated with allows everything (`sourceTag: '*'`): only real tags count.
    text: /enforce-module-boundaries[\s\S]*sourceTag["']?\s*:\s*["'](?!\*["'])[^"']+["']/,
  },
  {
    name: 'dependency-cruiser',
    files: ['.dependency-cruiser.js', '.dependency-cruiser.cjs', '.dependency-cruiser.json'],
    text: /forbidden/,
  },
  { name: 'Sheriff', files: ['sheriff.config.ts', 'sheriff.config.js'], text: /@softarc\/sheriff/ },
];

/**
 * The boundary checkers the workspace configures, one fact per tool (the first file that shows
 * it), looked for at the root and in each service's folder.
 */
export function boundaryToolFacts(ctx: DetectContext): Fact[] {
  const folders = [
    '.',
    ...ctx.units.services.filter((s) => s.hasSource && s.path !== '.').map((s) => s.path),
  ];
  const facts: Fact[] = [];
  for (const tool of BOUNDARY_TOOLS) {
    const file = folders
      .flatMap((folder) => tool.files.map((name) => (folder === '.' ? name : `${folder}/${name}`)))
      .find((candidate) => tool.text.test(ctx.readText(candidate) ?? ''));
    if (file !== undefined)
      facts.push({ file, message: `Module boundaries are checked by ${tool.name} (\`${file}\`)` });
  }
  return facts;
}
