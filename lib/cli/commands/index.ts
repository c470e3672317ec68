/** Every `cdk-osd` command, each registering its own subcommand (name, options, action). */
import type { Command } from 'commander';
import { registerReview } from './review';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: readonly RegisterCommand[] = [registerReview];
