/**
 * The document model of a ConfigMgr task sequence as XML: everything the XML says, nothing
 * interpreted. Known attributes are typed fields named as in the XML (so `disable`, not
 * `enabled`); every attribute and element this layer does not know is kept as it was read, so
 * writing the model back loses nothing. Which step types exist and what their variables mean is
 * not known here.
 */
import type { ATTRIBUTES, AttributeValues } from './grammar';

// ---- plain XML, for what the grammar does not know ---------------------------------------------

/** An attribute as read: its name (with any prefix, e.g. `xmlns:xsi`) and its value, entities decoded. */
export interface XmlAttribute {
  readonly name: string;
  readonly value: string;
}

/** Character data, entities decoded; CDATA sections become plain text. */
export interface XmlText {
  readonly kind: 'text';
  readonly text: string;
}

/**
 * An element kept verbatim. Whitespace between child elements is formatting and not kept; text
 * in an element without child elements, and all text of mixed content, is kept exactly.
 * Comments and processing instructions are not kept anywhere.
 */
export interface XmlElement {
  readonly kind: 'element';
  readonly name: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlNode[];
}

export type XmlNode = XmlElement | XmlText;

// ---- the sequence grammar ----------------------------------------------------------------------

/** Attributes this layer does not know, in the order they were read; written after the known ones. */
interface Extensible {
  readonly otherAttributes: readonly XmlAttribute[];
}

/** `<variable name= property= hidden=>value</variable>`. */
export interface Variable extends AttributeValues<(typeof ATTRIBUTES)['variable']>, Extensible {
  /** The element's text exactly, entities decoded (`''` for an empty element). */
  readonly value: string;
}

/** `<defaultVarList>` of a step or `<globalVarList>` of the sequence. */
export interface VariableList extends Extensible {
  readonly variables: readonly Variable[];
  /** Child elements other than `<variable>`, written after the variables. */
  readonly otherElements: readonly XmlElement[];
}

/** `<operator type="and|or|not">`: nests operands to any depth. */
export interface ConditionOperator extends AttributeValues<(typeof ATTRIBUTES)['operator']>, Extensible {
  readonly kind: 'operator';
  readonly operands: readonly ConditionOperand[];
}

/** `<expression type="SMS_TaskSequence_…ConditionExpression">` with one `<variable>` per property. */
export interface ConditionExpression extends AttributeValues<(typeof ATTRIBUTES)['expression']>, Extensible {
  readonly kind: 'expression';
  readonly variables: readonly Variable[];
  /** Child elements other than `<variable>`, written after the variables. */
  readonly otherElements: readonly XmlElement[];
}

/** An operand in document order; an element this layer does not know stays in its place. */
export type ConditionOperand = ConditionOperator | ConditionExpression | XmlElement;

/** `<condition>`: its operands are AND-ed. */
export interface Condition extends Extensible {
  readonly operands: readonly ConditionOperand[];
}

/** `<step type=…>`: one action. */
export interface Step extends AttributeValues<(typeof ATTRIBUTES)['step']>, Extensible {
  readonly kind: 'step';
  readonly condition?: Condition;
  /** The text of `<action>` (the command line the client runs), exactly. */
  readonly action?: string;
  readonly defaultVarList?: VariableList;
  /** Child elements this layer does not know, written after `<defaultVarList>`. */
  readonly otherElements: readonly XmlElement[];
}

/** `<group name=…>`: nests groups and steps to any depth. */
export interface Group extends AttributeValues<(typeof ATTRIBUTES)['group']>, Extensible {
  readonly kind: 'group';
  readonly condition?: Condition;
  readonly children: readonly SequenceNode[];
}

/** A child of the sequence or of a group, in document order; unknown elements stay in their place. */
export type SequenceNode = Group | Step | XmlElement;

/** `<sequence version=…>`, the content of `SMS_TaskSequencePackage.Sequence`. */
export interface Sequence extends AttributeValues<(typeof ATTRIBUTES)['sequence']>, Extensible {
  readonly globalVarList?: VariableList;
  readonly children: readonly SequenceNode[];
}

// ---- what a file holds besides the sequence ----------------------------------------------------

/**
 * The 2007 console export `<SmsTaskSequencePackage>` around the sequence: its attributes (e.g.
 * `xmlns:xsi`) and every child element but `<SequenceData>`, as read.
 */
export interface ConsolePackage {
  readonly attributes: readonly XmlAttribute[];
  readonly properties: readonly XmlElement[];
}

/** The package properties a file gives beside the sequence (2007 wrapper or object.xml), when present. */
export interface PackageSummary {
  readonly packageId?: string;
  readonly name?: string;
  readonly description?: string;
  readonly bootImageId?: string;
}

/** How the sequence was given, detected from the content. */
export type TaskSequenceFormat =
  /** a bare `<sequence>` document */
  | 'sequence'
  /** a `<sequence>` document given entity-escaped (`&lt;sequence …`) */
  | 'escaped-sequence'
  /** the 2007 console export `<SmsTaskSequencePackage>` */
  | 'console-package'
  /** a current-branch export's object.xml (CIM-XML `INSTANCE` of `SMS_TaskSequencePackage`) */
  | 'cim-instance'
  /** a current-branch export .zip holding such an object.xml */
  | 'export-zip';

export interface TaskSequenceFile {
  readonly format: TaskSequenceFormat;
  readonly sequence: Sequence;
  /** For the 2007 wrapper and object.xml (also inside a .zip). */
  readonly package?: PackageSummary;
  /** For the 2007 wrapper: what `writeConsolePackage` needs to write it back. */
  readonly consolePackage?: ConsolePackage;
  /** For a .zip: the path of the object.xml read inside it. */
  readonly archiveEntry?: string;
}
