/**
 * Every area's messages in one table. A new area: a file in messages/ exporting its entries by
 * default, imported and listed here (test/i18n.test.ts fails when two areas use the same id).
 */
import cli from './messages/cli.js';
import config from './messages/config.js';
import errors from './messages/errors.js';
import help from './messages/help.js';
import lint from './messages/lint.js';
import owners from './messages/owners.js';

export const CATALOGUE_PARTS = { cli, config, errors, help, lint, owners } as const;

export const catalogue = { ...cli, ...config, ...errors, ...help, ...lint, ...owners };

export type MessageId = keyof typeof catalogue;
