/**
 * The document model back to an element tree. Known children come in a fixed order (a step's
 * condition, action, variables, then the elements this layer does not know); groups and steps
 * keep their order, and so do unknown elements among them.
 */
import { writeAttributes } from './attributes';
import type { Condition, ConditionOperand, Group, Sequence, SequenceNode, Step, Variable, VariableList, XmlElement } from './document';
import { ATTRIBUTES, ELEMENT } from './grammar';
import { element, textElement } from './write-xml';

export function sequenceElement(sequence: Sequence): XmlElement {
  const children: XmlElement[] = [];
  if (sequence.globalVarList) children.push(variableListElement(ELEMENT.globalVarList, sequence.globalVarList));
  for (const node of sequence.children) children.push(nodeElement(node));
  return element(ELEMENT.sequence, writeAttributes(sequence, ATTRIBUTES.sequence, sequence.otherAttributes), children);
}

function nodeElement(node: SequenceNode): XmlElement {
  if (node.kind === 'group') return groupElement(node);
  if (node.kind === 'step') return stepElement(node);
  return node;
}

function groupElement(group: Group): XmlElement {
  const children: XmlElement[] = [];
  if (group.condition) children.push(conditionElement(group.condition));
  for (const node of group.children) children.push(nodeElement(node));
  return element(ELEMENT.group, writeAttributes(group, ATTRIBUTES.group, group.otherAttributes), children);
}

function stepElement(step: Step): XmlElement {
  const children: XmlElement[] = [];
  if (step.condition) children.push(conditionElement(step.condition));
  if (step.action !== undefined) children.push(textElement(ELEMENT.action, [], step.action));
  if (step.defaultVarList) children.push(variableListElement(ELEMENT.defaultVarList, step.defaultVarList));
  children.push(...step.otherElements);
  return element(ELEMENT.step, writeAttributes(step, ATTRIBUTES.step, step.otherAttributes), children);
}

function conditionElement(condition: Condition): XmlElement {
  return element(ELEMENT.condition, condition.otherAttributes, condition.operands.map(operandElement));
}

function operandElement(operand: ConditionOperand): XmlElement {
  if (operand.kind === 'operator') {
    return element(ELEMENT.operator, writeAttributes(operand, ATTRIBUTES.operator, operand.otherAttributes), operand.operands.map(operandElement));
  }
  if (operand.kind === 'expression') {
    const children = [...operand.variables.map(variableElement), ...operand.otherElements];
    return element(ELEMENT.expression, writeAttributes(operand, ATTRIBUTES.expression, operand.otherAttributes), children);
  }
  return operand;
}

function variableListElement(name: string, list: VariableList): XmlElement {
  return element(name, list.otherAttributes, [...list.variables.map(variableElement), ...list.otherElements]);
}

function variableElement(variable: Variable): XmlElement {
  return textElement(ELEMENT.variable, writeAttributes(variable, ATTRIBUTES.variable, variable.otherAttributes), variable.value);
}
