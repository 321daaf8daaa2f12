/**
 * Cheap text tests for source files that may declare functions, kept apart from the readers
 * (which load TypeScript's parser) so that lean parse threads can run them on text they read.
 */

/** Whether a source text may define CDK constructs. */
export function mentionsCdk(text: string): boolean {
  return text.includes('aws-cdk-lib') || text.includes('@aws-cdk/');
}

/** Whether a source text may register v4 Azure Functions. */
export function mentionsAzureFunctions(text: string): boolean {
  return text.includes('@azure/functions');
}

/** Whether a source text may declare SST functions (`sst.config.ts`, v3 `sst.aws.*`, v2 `sst/constructs`). */
export function mentionsSst(text: string): boolean {
  return text.includes('sst.aws.') || text.includes('sst/constructs') || text.includes('$config(');
}

/** Whether a source text may declare Pulumi resources of AWS (`@pulumi/aws`, `@pulumi/awsx`). */
export function mentionsPulumi(text: string): boolean {
  return text.includes('@pulumi/aws');
}

/** Whether a source file's text may declare functions (CDK stacks, Azure v4 apps, SST apps, Pulumi programs). */
export function isSourceManifestText(text: string): boolean {
  return mentionsCdk(text) || mentionsAzureFunctions(text) || mentionsSst(text) || mentionsPulumi(text);
}
