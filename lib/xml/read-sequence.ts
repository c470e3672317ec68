/**
 * A `<sequence>` element tree to the document model. Structural elements (sequence, group, step,
 * condition, operator, expression, variable lists) are checked against the grammar; an element the
 * grammar does not name is kept verbatim where it stood.
 */
import { readAttributes } from './attributes';
import type {
  Condition,
  ConditionExpression,
  ConditionOperand,
  ConditionOperator,
  Group,
  Sequence,
  SequenceNode,
  Step,
  Variable,
  VariableList,
  XmlElement,
} from './document';
import { elementsOf, textOf } from './content';
import { ChildLocations, invalid, type Location } from './errors';
import {
  ELEMENT,
  EXPRESSION_ATTRIBUTES,
  GROUP_ATTRIBUTES,
  OPERATOR_ATTRIBUTES,
  SEQUENCE_ATTRIBUTES,
  STEP_ATTRIBUTES,
  VARIABLE_ATTRIBUTES,
} from './grammar';

/** `element` must be the `<sequence>` element; `at` is its location. */
export function readSequence(element: XmlElement, at: Location): Sequence {
  const { values, other } = readAttributes(element, SEQUENCE_ATTRIBUTES, at);
  let globalVarList: VariableList | undefined;
  const children: SequenceNode[] = [];
  const locations = new ChildLocations(at);
  for (const child of elementsOf(element, at, 'a sequence')) {
    const childAt = locations.next(child.name);
    if (child.name === ELEMENT.globalVarList) {
      if (globalVarList) throw repeated(childAt, 'globalVarList', 'a sequence');
      globalVarList = readVariableList(child, childAt);
    } else {
      children.push(readNode(child, childAt));
    }
  }
  return { ...values, otherAttributes: other, ...(globalVarList && { globalVarList }), children };
}

function readNode(element: XmlElement, at: Location): SequenceNode {
  if (element.name === ELEMENT.group) return readGroup(element, at);
  if (element.name === ELEMENT.step) return readStep(element, at);
  return element;
}

function readGroup(element: XmlElement, at: Location): Group {
  const { values, other } = readAttributes(element, GROUP_ATTRIBUTES, at);
  let condition: Condition | undefined;
  const children: SequenceNode[] = [];
  const locations = new ChildLocations(at);
  for (const child of elementsOf(element, at, 'a group')) {
    const childAt = locations.next(child.name);
    if (child.name === ELEMENT.condition) {
      if (condition) throw repeated(childAt, 'condition', 'a group');
      condition = readCondition(child, childAt);
    } else {
      children.push(readNode(child, childAt));
    }
  }
  return { kind: 'group', ...values, otherAttributes: other, ...(condition && { condition }), children };
}

function readStep(element: XmlElement, at: Location): Step {
  const { values, other } = readAttributes(element, STEP_ATTRIBUTES, at);
  let condition: Condition | undefined;
  let action: string | undefined;
  let defaultVarList: VariableList | undefined;
  const otherElements: XmlElement[] = [];
  const locations = new ChildLocations(at);
  for (const child of elementsOf(element, at, 'a step')) {
    const childAt = locations.next(child.name);
    if (child.name === ELEMENT.condition) {
      if (condition) throw repeated(childAt, 'condition', 'a step');
      condition = readCondition(child, childAt);
    } else if (child.name === ELEMENT.action) {
      if (action !== undefined) throw repeated(childAt, 'action', 'a step');
      if (child.attributes.length > 0) throw invalid(childAt, `<action> has no attributes (found ${child.attributes[0].name}="${child.attributes[0].value}")`);
      action = textOf(child, childAt, '<action>');
    } else if (child.name === ELEMENT.defaultVarList) {
      if (defaultVarList) throw repeated(childAt, 'defaultVarList', 'a step');
      defaultVarList = readVariableList(child, childAt);
    } else {
      otherElements.push(child);
    }
  }
  return {
    kind: 'step',
    ...values,
    otherAttributes: other,
    ...(condition && { condition }),
    ...(action !== undefined && { action }),
    ...(defaultVarList && { defaultVarList }),
    otherElements,
  };
}

function readCondition(element: XmlElement, at: Location): Condition {
  return { otherAttributes: element.attributes.slice(), operands: readOperands(element, at, 'a condition') };
}

function readOperands(element: XmlElement, at: Location, what: string): ConditionOperand[] {
  const locations = new ChildLocations(at);
  return elementsOf(element, at, what).map((child) => {
    const childAt = locations.next(child.name);
    if (child.name === ELEMENT.operator) return readOperator(child, childAt);
    if (child.name === ELEMENT.expression) return readExpression(child, childAt);
    return child;
  });
}

function readOperator(element: XmlElement, at: Location): ConditionOperator {
  const { values, other } = readAttributes(element, OPERATOR_ATTRIBUTES, at);
  return { kind: 'operator', ...values, otherAttributes: other, operands: readOperands(element, at, 'an operator') };
}

function readExpression(element: XmlElement, at: Location): ConditionExpression {
  const { values, other } = readAttributes(element, EXPRESSION_ATTRIBUTES, at);
  const { variables, otherElements } = readVariables(element, at, 'an expression');
  return { kind: 'expression', ...values, otherAttributes: other, variables, otherElements };
}

function readVariableList(element: XmlElement, at: Location): VariableList {
  return { otherAttributes: element.attributes.slice(), ...readVariables(element, at, `<${element.name}>`) };
}

function readVariables(element: XmlElement, at: Location, what: string): { variables: Variable[]; otherElements: XmlElement[] } {
  const variables: Variable[] = [];
  const otherElements: XmlElement[] = [];
  const locations = new ChildLocations(at);
  for (const child of elementsOf(element, at, what)) {
    const childAt = locations.next(child.name);
    if (child.name === ELEMENT.variable) variables.push(readVariable(child, childAt));
    else otherElements.push(child);
  }
  return { variables, otherElements };
}

function readVariable(element: XmlElement, at: Location): Variable {
  const { values, other } = readAttributes(element, VARIABLE_ATTRIBUTES, at);
  return { ...values, otherAttributes: other, value: textOf(element, at, 'a variable') };
}

function repeated(at: Location, name: string, owner: string): Error {
  return invalid(at, `a second <${name}>; ${owner} has at most one`);
}
