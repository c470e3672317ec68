/** Every `cdk-osd` command, each registering its own subcommand (name, options, action). */
import type { Command } from 'commander';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: readonly RegisterCommand[] = [];
