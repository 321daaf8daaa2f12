/**
 * What the packages a part imports say about its role. One entry per framework or client
 * library; matched like `matchesPackage` (exact name or `@scope/` prefix). Order of
 * {@link ROLE_CATALOGUE} is the order roles are tried in: a part that starts an HTTP server is a
 * service even if it also has a CLI parser.
 */
import { FRONTEND_FRAMEWORKS, SERVER_FRAMEWORKS } from '../units/known-packages';
import type { PartRole } from './types';

/** Consumers of queues and streams: a part that runs these without a server is a worker. */
export const WORKER_PACKAGES = [
  'bullmq',
  'bull',
  'bee-queue',
  'pg-boss',
  'agenda',
  'graphile-worker',
  'kafkajs',
  '@confluentinc/kafka-javascript',
  'node-rdkafka',
  'amqplib',
  'amqp-connection-manager',
  'rascal',
  'sqs-consumer',
  '@temporalio/worker',
  'node-cron',
  'cron',
  'nats',
  '@nats-io/',
  '@google-cloud/pubsub',
  '@azure/service-bus',
  '@azure/event-hubs',
];

/** Argument parsers and CLI frameworks. */
export const CLI_PACKAGES = [
  'commander',
  'yargs',
  '@oclif/core',
  'oclif',
  'cac',
  'meow',
  'clipanion',
  'citty',
  'sade',
  'arg',
  'ink',
  '@inquirer/',
  'inquirer',
  'prompts',
  'enquirer',
];

export const DESKTOP_PACKAGES = ['electron', '@tauri-apps/', '@electron/', 'electron-builder'];

export const MOBILE_PACKAGES = ['react-native', 'expo', '@capacitor/core', '@ionic/', 'nativescript'];

/** Front-end frameworks beside the bundlers that only front ends import at run time. */
export const WEB_FRONTEND_PACKAGES = FRONTEND_FRAMEWORKS.filter((name) => name !== 'vite');

/** Server frameworks (Next and Nuxt serve too, but a part rooted at them is a front end first). */
export const SERVICE_PACKAGES = SERVER_FRAMEWORKS;

/** Go and Python web frameworks (module paths and import names as their imports give them). */
export const OTHER_LANGUAGE_SERVICE_PACKAGES = [
  'github.com/gin-gonic/gin',
  'github.com/labstack/echo',
  'github.com/gofiber/fiber',
  'github.com/go-chi/chi',
  'github.com/gorilla/mux',
  'github.com/julienschmidt/httprouter',
  'fastapi',
  'flask',
  'django',
  'starlette',
  'tornado',
  'sanic',
];

/** Go and Python command-line and terminal UI frameworks. */
export const OTHER_LANGUAGE_CLI_PACKAGES = [
  'github.com/spf13/cobra',
  'github.com/urfave/cli',
  'github.com/alecthomas/kong',
  'github.com/charmbracelet/bubbletea',
  'github.com/rivo/tview',
  'click',
  'typer',
];

/** Go and Python desktop toolkits. */
export const OTHER_LANGUAGE_DESKTOP_PACKAGES = [
  'fyne.io/fyne',
  'github.com/wailsapp/wails',
  'PyQt5',
  'PyQt6',
  'PySide6',
];

/** The roles packages can give, tried in order. */
export const ROLE_CATALOGUE: readonly { readonly role: PartRole; readonly packages: readonly string[] }[] = [
  { role: 'service', packages: [...SERVICE_PACKAGES, ...OTHER_LANGUAGE_SERVICE_PACKAGES] },
  { role: 'desktop', packages: [...DESKTOP_PACKAGES, ...OTHER_LANGUAGE_DESKTOP_PACKAGES] },
  { role: 'mobile', packages: MOBILE_PACKAGES },
  { role: 'web-frontend', packages: WEB_FRONTEND_PACKAGES },
  { role: 'worker', packages: WORKER_PACKAGES },
  { role: 'cli', packages: [...CLI_PACKAGES, ...OTHER_LANGUAGE_CLI_PACKAGES] },
];

/** Mains that generate code or seed data for development: build tooling, not a program that ships. */
export const DEVELOPMENT_MAIN_FOLDER = /(?:^|\/)(?:gen|codegen|generate|generators?|seeds?|seeders?)$/;

/**
 * Folders whose files front-end frameworks route by convention (no import reaches them):
 * config file names that root a front-end app at their folder.
 */
export const FRONTEND_ROOT_CONFIGS =
  /^(?:next|nuxt|astro|svelte|remix|vite|gatsby|vue|quasar|angular)\.config\.[cm]?[jt]s$|^angular\.json$/;

/** Server-side files inside a front-end app (Next API routes, route handlers, server actions). */
export const FRONTEND_SERVER_FILES =
  /(?:^|\/)pages\/api\/|(?:^|\/)app\/(?:.*\/)?route\.[cm]?[jt]s$|(?:^|\/)server\/api\/|(?:^|\/)\+server\.[jt]s$|\.server\.[cm]?[jt]sx?$/;

/** Paths of code that never runs in production: tests, examples, docs, fixtures, stories. */
export const NON_PRODUCT_PATH =
  /(?:^|\/)(?:__tests__|__mocks__|tests?|spec|e2e|fixtures?|examples?|samples?|docs?|stories|storybook|\.storybook|benchmarks?|bench|dummy|mocks?|fakes?|stubs?)\//;

/**
 * A JVM source set's root (`src/main/java/`, `src/integrationTest/kotlin/`): below it the folders
 * are a package name (`org/springframework/samples/…`, `com/example/…`), not a folder that says
 * what the code is for. Group 1 is the source set.
 */
export const JVM_SOURCE_ROOT = /(?:^|\/)src\/([A-Za-z]+)\/(?:java|kotlin|scala|groovy)\//;

/** Gradle and Maven source sets of tests (`test`, `integrationTest`, `testFixtures`, …). */
const JVM_TEST_SOURCE_SET = /test/i;

/**
 * Where a path first says it holds code that never runs in production: the end of that folder
 * in `path` (so `path.slice(0, end)` is the folder), or undefined. Package folders below a JVM
 * source root are not read as such a folder; a test source set is one (`…/src/integrationTest`).
 */
export function nonProductFolderEnd(path: string): number | undefined {
  const root = JVM_SOURCE_ROOT.exec(path);
  const searched = root === null ? path : path.slice(0, root.index + root[0].length);
  const match = NON_PRODUCT_PATH.exec(searched);
  if (match !== null) return match.index + match[0].length - 1;
  if (root !== null && JVM_TEST_SOURCE_SET.test(root[1] ?? ''))
    return root.index + root[0].indexOf(root[1] ?? '') + (root[1] ?? '').length;
  return undefined;
}

/** Paths of build tooling and scripts. */
export const TOOLING_PATH = /(?:^|\/)(?:scripts|tools|tooling|build-tools|\.github|\.husky|codemods?)\//;
