/**
 * kh from Node (`import { parseFile } from 'kh'`): everything a command does, without printing.
 * The CLI (src/cli) only parses arguments and prints what these functions return.
 *
 * Errors about the input are classes with a code or kind and `describe(lang)` (src/api/errors.ts):
 * tell them apart with `instanceof`, never by `error.name`.
 */
export { lintFiles, LintSetupError, type LintedFile, type LintFilesOptions } from './lint.js';
export { parseFile, parseFiles, type PlanResult, type ReadOptions } from './parse.js';
export { checkData, dataRegistries, type CheckFinding, type RegistrySummary } from './data.js';
export {
  citeFiles,
  type CiteOptions,
  type CiteResult,
  type CitedDocument,
  type CitedPlace,
  type CitedStatusKind,
} from './cite.js';
export {
  ownersOf,
  ownersOfPlan,
  loadOwnerReferences,
  type Matrix,
  type OwnersOptions,
  type OwnersResult,
} from './owners.js';
export {
  diffFiles,
  diffPlans,
  diffYears,
  type DiffFilesOptions,
  type DiffReport,
  type DiffResult,
} from './diff.js';
export {
  annotateDocx,
  AnnotateError,
  type AnnotateErrorCode,
  type AnnotateFinding,
  type AnnotateFix,
  type AnnotateOptions,
  type AnnotateSummary,
} from './annotate.js';
export { expandInputs, type Target } from './inputs.js';
export {
  ConfigError,
  DiffError,
  FileError,
  InputError,
  OutputError,
  ReferenceError,
  isUserError,
  type DiffErrorCode,
  type InputErrorCode,
  type UserError,
} from './errors.js';
export {
  inputFormatOf,
  inputFormats,
  registerInputFormat,
  type InputFormat,
  type SourceFormat,
} from '../parse/formats.js';
export {
  defaultReporter,
  loadReporter,
  registerReporter,
  render,
  reporterNames,
  type RenderContext,
  type Reporter,
  type ReporterInputs,
  type ReportingCommand,
} from '../report/reporters.js';
export type { ParsedDocument } from '../parse/types.js';
export type { Plan } from '../plan/schema.js';
export type { Limits } from '../util/limits.js';
export type { PlanReaderOptions } from '../workers/isolate.js';
export type { Lang } from '../util/errors.js';
