/** Driver steps: Auto Apply Drivers and Apply Driver Package. */
import type { ApplyDriverPackageProps, AutoApplyDriversProps } from './generated/props';
import { ActionStep } from './steps';

/** Auto Apply Drivers (Windows PE): the drivers of the driver catalog that match the hardware, optionally of some categories only. */
export class AutoApplyDrivers extends ActionStep<'autoApplyDrivers'> {
  constructor(props: AutoApplyDriversProps = {}) {
    super('autoApplyDrivers', props);
  }
}

/** Apply Driver Package (Windows PE): installs the drivers of `driverPackage`. */
export class ApplyDriverPackage extends ActionStep<'applyDriverPackage'> {
  constructor(props: ApplyDriverPackageProps) {
    super('applyDriverPackage', props);
  }
}
