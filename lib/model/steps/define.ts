/**
 * How an action (and a list item inside one) is declared: its fields are TypeBox schemas that each
 * carry their ConfigMgr mapping (`cm(schema, mapping)`), and the action object carries its class
 * (`configMgrClass`). The types make both mandatory, so an action cannot be typed without saying
 * how ConfigMgr stores it.
 */
import { Type, type TObject, type TProperties, type TSchema } from '@sinclair/typebox';
import type { ConfigMgrClass, ConfigMgrField, ModelKeywords } from '../annotations';

/** Object properties that all say how ConfigMgr stores them. */
export type MappedProperties<P> = TProperties & { [K in keyof P]: TSchema & { configMgr: ConfigMgrField } };

/** The ConfigMgr class of an action: every action has a class, an action text and a `runIn`. */
export type ActionClass = ConfigMgrClass & Required<Pick<ConfigMgrClass, 'action' | 'runIn'>>;

/** Cross-field keywords an action object may have. */
export type ActionOptions = Pick<ModelKeywords, 'exactlyOneOf' | 'referencesBy'>;

/** A task sequence action: its class, a description (its console name first, as `actionTitle` reads it) and its fields. */
export function action<P extends MappedProperties<P>>(configMgrClass: ActionClass, description: string, fields: P, options: ActionOptions = {}): TObject<P> {
  return Type.Object(fields, { additionalProperties: false, description, configMgrClass, ...options });
}

/**
 * An item of a list inside an action or a condition test (a partition, a network adapter, a
 * platform): its fields map like an action's; `configMgrClass` when each item is a ConfigMgr object
 * of its own (a platform of an operating system test).
 */
export function item<P extends MappedProperties<P>>(fields: P, description?: string, configMgrClass?: ConfigMgrClass): TObject<P> {
  return Type.Object(fields, { additionalProperties: false, ...(description ? { description } : {}), ...(configMgrClass ? { configMgrClass } : {}) });
}
