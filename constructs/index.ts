/**
 * cdk-osd constructs: ConfigMgr 2007 operating system deployment content as CDK for Terraform
 * constructs. Each construct emits a plain `osd_*` resource served by the osd provider; the
 * resource model (lib/model) defines their props, their checks and their Terraform attributes.
 */
export * from './deployment-server';
export * from './packages';
export * from './program';
export * from './os-image';
export * from './os-install-package';
export * from './boot-image';
export * from './driver-package';
export * from './conditions';
export * from './steps';
export * from './general-steps';
export * from './software-steps';
export * from './disk-steps';
export * from './user-state-steps';
export * from './image-steps';
export * from './driver-steps';
export * from './settings-steps';
export * from './hardware-steps';
export * from './task-sequence';
export type * from './generated/props';
export {
  OSD_REFERENCE,
  type IOsdObject,
  type IPackage,
  type IUsmtPackage,
  type IClientPackage,
  type IToolsPackage,
  type IProgram,
  type IOsImage,
  type IOsInstallPackage,
  type IBootImage,
  type IDriverPackage,
  type ITaskSequence,
  type ObjectReference,
} from './references';
export { OsdObject, ModelResource, type ObjectDefinition } from './osd-object';
export type { WithReferences, ReferencePropName, ActionModel, Simplify } from './model-props';
