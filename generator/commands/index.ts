/**
 * The commands of `kho-abi`, in the order `--help` lists them. A new
 * command is a module exporting a CliCommand, added here.
 */
import type { CliCommand } from '../cli/context.js';
import { decode, encode } from './codec.js';
import { compat } from './compat.js';
import { gen } from './gen.js';
import { layout } from './layout.js';
import { validate } from './validate.js';
import { breaking } from './breaking.js';
import { diffKernelCommand } from './diff-kernel.js';
import { lock } from './lock.js';
import { doc } from './doc.js';
import { init } from './init.js';
import { inspect } from './inspect.js';
import { image } from './image.js';

export const COMMANDS: readonly CliCommand[] = [init, gen, validate, layout, compat, decode, encode, inspect, image, diffKernelCommand, breaking, lock, doc];
