/**
 * Every area's messages in one table. A new area: a file in messages/ exporting its entries by
 * default, imported and listed here (test/i18n.test.ts fails when two areas use the same id).
 */
import annotate from './messages/annotate.js';
import cite from './messages/cite.js';
import cli from './messages/cli.js';
import config from './messages/config.js';
import convert from './messages/convert.js';
import ci from './messages/ci.js';
import data from './messages/data.js';
import diff from './messages/diff.js';
import errors from './messages/errors.js';
import fix from './messages/fix.js';
import help from './messages/help.js';
import lint from './messages/lint.js';
import owners from './messages/owners.js';
import report from './messages/report.js';
import rules from './messages/rules.js';

export const CATALOGUE_PARTS = {
  annotate,
  ci,
  cite,
  cli,
  config,
  convert,
  data,
  diff,
  errors,
  fix,
  help,
  lint,
  owners,
  report,
  rules,
} as const;

export const catalogue = {
  ...annotate,
  ...ci,
  ...cite,
  ...cli,
  ...config,
  ...convert,
  ...data,
  ...diff,
  ...errors,
  ...fix,
  ...help,
  ...lint,
  ...owners,
  ...report,
  ...rules,
};

export type MessageId = keyof typeof catalogue;
