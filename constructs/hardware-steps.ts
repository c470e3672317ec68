/**
 * Server hardware steps (R6): flash the BIOS, configure the RAID controller.
 *
 * Each is a Run Command Line step marked with `hardware`, so the model's R6 checks apply: it runs
 * in Windows PE, before the disk is partitioned and the operating system applied (a RAID change
 * destroys partitions), with the vendor's tools from a tools package or included in the boot image.
 * Settings come as a configuration file or as parameters, and a step is meant for one computer
 * model: the step runs only where the model matches, and only in Windows PE.
 */
import type { HardwareKind } from '../lib/model';
import { Condition } from './conditions';
import type { HardwareStepProps } from './generated/props';
import { RunCommandLine } from './general-steps';

/** Quotes an argument that contains spaces. */
const argument = (text: string) => (/\s/.test(text) && !/^".*"$/.test(text) ? `"${text}"` : text);

/** A Run Command Line step that configures server hardware (R6). Use `FlashBios` or `ConfigureRaid`. */
export abstract class HardwareStep extends RunCommandLine {
  /** What the step configures. */
  readonly hardware: HardwareKind;
  /** The computer model the step is for. */
  readonly computerModel: string;

  protected constructor(hardware: HardwareKind, title: string, props: HardwareStepProps) {
    if (props.computerModel.trim() === '') throw new Error(`${title}: computerModel is empty; expected e.g. "PowerEdge R710"`);
    if (props.configFile === undefined && props.parameters === undefined) {
      throw new Error(`${title} (${props.computerModel}): give the settings as configFile or parameters; the tool ${JSON.stringify(props.tool)} has nothing to apply`);
    }
    const { computerModel, tools, tool, configFile, configFileSwitch, parameters, condition, ...rest } = props;
    const commandLine = [
      argument(tool),
      parameters,
      configFile !== undefined ? `${configFileSwitch ?? ''}${argument(configFile)}` : undefined,
    ]
      .filter((part) => part !== undefined && part !== '')
      .join(' ');
    const only = [Condition.inWindowsPe(), Condition.computerModel(computerModel)];
    super({
      ...rest,
      name: props.name ?? `${title} (${computerModel})`,
      commandLine,
      package: tools,
      hardware,
      condition: Condition.all(...only, ...(condition ? [condition] : [])),
    });
    this.hardware = hardware;
    this.computerModel = computerModel;
  }
}

/** Flashes the BIOS (and applies BIOS settings) of one server model, in Windows PE, before partitioning (R6). */
export class FlashBios extends HardwareStep {
  constructor(props: HardwareStepProps) {
    super('bios', 'Flash BIOS', props);
  }
}

/** Configures the RAID controller of one server model, in Windows PE, before partitioning (R6). */
export class ConfigureRaid extends HardwareStep {
  constructor(props: HardwareStepProps) {
    super('raid', 'Configure RAID', props);
  }
}
