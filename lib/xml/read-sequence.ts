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
import { childrenOf, textOf, type Placed } from './content';
import { invalid, type Location } from './errors';
import { ATTRIBUTES, ELEMENT } from './grammar';

/** `element` must be the `<sequence>` element; `at` is its location. */
export function readSequence(element: XmlElement, at: Location): Sequence {
  const { values, other } = readAttributes(element, ATTRIBUTES.sequence, at);
  const { one, rest } = childrenOf(element, at, 'a sequence', [ELEMENT.globalVarList]);
  return {
    ...values,
    otherAttributes: other,
    ...(one.globalVarList && { globalVarList: readVariableList(one.globalVarList) }),
    children: rest.map(readNode),
  };
}

function readNode({ element, at }: Placed): SequenceNode {
  if (element.name === ELEMENT.group) return readGroup(element, at);
  if (element.name === ELEMENT.step) return readStep(element, at);
  return element;
}

function readGroup(element: XmlElement, at: Location): Group {
  const { values, other } = readAttributes(element, ATTRIBUTES.group, at);
  const { one, rest } = childrenOf(element, at, 'a group', [ELEMENT.condition]);
  return { kind: 'group', ...values, otherAttributes: other, ...(one.condition && { condition: readCondition(one.condition) }), children: rest.map(readNode) };
}

function readStep(element: XmlElement, at: Location): Step {
  const { values, other } = readAttributes(element, ATTRIBUTES.step, at);
  const { one, rest } = childrenOf(element, at, 'a step', [ELEMENT.condition, ELEMENT.action, ELEMENT.defaultVarList]);
  return {
    kind: 'step',
    ...values,
    otherAttributes: other,
    ...(one.condition && { condition: readCondition(one.condition) }),
    ...(one.action && { action: readAction(one.action) }),
    ...(one.defaultVarList && { defaultVarList: readVariableList(one.defaultVarList) }),
    otherElements: rest.map((p) => p.element),
  };
}

function readAction({ element, at }: Placed): string {
  const [attribute] = element.attributes;
  if (attribute) throw invalid(at, `<action> has no attributes (found ${attribute.name}="${attribute.value}")`);
  return textOf(element, at, '<action>');
}

function readCondition({ element, at }: Placed): Condition {
  return { otherAttributes: element.attributes.slice(), operands: readOperands(element, at, 'a condition') };
}

function readOperands(element: XmlElement, at: Location, owner: string): ConditionOperand[] {
  return childrenOf(element, at, owner).rest.map(({ element: child, at: childAt }) => {
    if (child.name === ELEMENT.operator) return readOperator(child, childAt);
    if (child.name === ELEMENT.expression) return readExpression(child, childAt);
    return child;
  });
}

function readOperator(element: XmlElement, at: Location): ConditionOperator {
  const { values, other } = readAttributes(element, ATTRIBUTES.operator, at);
  return { kind: 'operator', ...values, otherAttributes: other, operands: readOperands(element, at, 'an operator') };
}

function readExpression(element: XmlElement, at: Location): ConditionExpression {
  const { values, other } = readAttributes(element, ATTRIBUTES.expression, at);
  return { kind: 'expression', ...values, otherAttributes: other, ...readVariables(element, at, 'an expression') };
}

function readVariableList({ element, at }: Placed): VariableList {
  return { otherAttributes: element.attributes.slice(), ...readVariables(element, at, `<${element.name}>`) };
}

function readVariables(element: XmlElement, at: Location, owner: string): { variables: Variable[]; otherElements: XmlElement[] } {
  const variables: Variable[] = [];
  const otherElements: XmlElement[] = [];
  for (const { element: child, at: childAt } of childrenOf(element, at, owner).rest) {
    if (child.name === ELEMENT.variable) variables.push(readVariable(child, childAt));
    else otherElements.push(child);
  }
  return { variables, otherElements };
}

function readVariable(element: XmlElement, at: Location): Variable {
  const { values, other } = readAttributes(element, ATTRIBUTES.variable, at);
  return { ...values, otherAttributes: other, value: textOf(element, at, 'a variable') };
}
