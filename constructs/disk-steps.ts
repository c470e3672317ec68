/** Disk steps: Partition Disk, Convert Disk to Dynamic, Enable BitLocker, Disable BitLocker. */
import type { ConvertDiskToDynamicProps, DisableBitLockerProps, EnableBitLockerProps, PartitionDiskProps } from './generated/props';
import { ActionStep } from './steps';

/** Partition Disk (Windows PE): the partitions of one disk, in order. Hardware steps must come before it (R6). */
export class PartitionDisk extends ActionStep<'partitionDisk'> {
  constructor(props: PartitionDiskProps) {
    super('partitionDisk', props);
  }
}

/** Convert Disk to Dynamic: converts a basic disk to a dynamic one. */
export class ConvertDiskToDynamic extends ActionStep<'convertDiskToDynamic'> {
  constructor(props: ConvertDiskToDynamicProps = {}) {
    super('convertDiskToDynamic', props);
  }
}

/**
 * Enable BitLocker (full OS): encrypts a drive. The operating system drive needs `keyManagement`;
 * `pin` (for `tpmAndPin`) is a secret: pass a sensitive TerraformVariable's value.
 */
export class EnableBitLocker extends ActionStep<'enableBitLocker'> {
  constructor(props: EnableBitLockerProps) {
    super('enableBitLocker', props);
  }
}

/** Disable BitLocker (full OS): suspends a drive's protection for `restartCount` restarts. */
export class DisableBitLocker extends ActionStep<'disableBitLocker'> {
  constructor(props: DisableBitLockerProps = {}) {
    super('disableBitLocker', props);
  }
}
