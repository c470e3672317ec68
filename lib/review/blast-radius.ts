/**
 * The blast radius of a change: for each object the plan updates, replaces or deletes, the task
 * sequences whose steps (or own fields, such as the boot image) use it, and which steps. Which
 * fields reference which kinds is the model's (`references`, `referencesBy`, read by
 * `lookupsFor`); the sequences are those of the plan (before and after the change) and, when
 * given, those on the server that the plan does not manage.
 */
import { lookupsFor, terraformPathText, type KindName, type Step } from '../model';
import { stepLocations } from './steps';

export interface UsingField {
  /** The step that uses the object; absent for a field of the sequence itself (`boot_image_id`). */
  readonly step?: { readonly name: string; readonly group: readonly string[] };
  /** The field that holds the reference, relative to the step (or the sequence). */
  readonly field: string;
}

export interface Usage {
  readonly taskSequence: string;
  /** Where the sequence was found: in this plan, or on the server (not managed by this plan). */
  readonly source: 'plan' | 'server';
  readonly address?: string;
  readonly id?: string;
  readonly uses: readonly UsingField[];
}

/** A changed object and the task sequences that use it. */
export interface Impact extends ChangedObject {
  readonly usedBy: readonly Usage[];
}

/** A task sequence as the blast radius reads it: the model's value, before and/or after the change. */
export interface SequenceValues {
  readonly name: string;
  readonly address?: string;
  readonly id?: string;
  readonly values: readonly { readonly steps?: readonly Step[] }[];
}

/** An object the plan updates, replaces or deletes, as it is before the change. */
export interface ChangedObject {
  readonly address: string;
  readonly kind: KindName;
  readonly title: string;
  readonly name?: string;
  readonly id: string;
  readonly action: 'update' | 'replace' | 'delete';
}

/** The task sequences (of the plan, then of the server) that use each changed object. */
export function blastRadius(changed: readonly ChangedObject[], inPlan: readonly SequenceValues[], onServer: readonly SequenceValues[] = []): Impact[] {
  if (changed.length === 0) return [];
  const index = new Map<string, Map<SequenceValues, UsingField[]>>(); // "kind id" → sequence → uses
  const record = (sequences: readonly SequenceValues[]) => {
    for (const sequence of sequences) {
      for (const value of sequence.values) {
        const locations = stepLocations(value.steps ?? []);
        for (const ref of lookupsFor('taskSequence', value)) {
          const key = `${ref.kind} ${ref.id}`;
          const bySequence = index.get(key) ?? new Map<SequenceValues, UsingField[]>();
          index.set(key, bySequence);
          const uses = bySequence.get(sequence) ?? [];
          bySequence.set(sequence, uses);
          const use: UsingField =
            ref.path[0] === 'steps' && typeof ref.path[1] === 'number'
              ? { step: locations[ref.path[1]], field: terraformPathText(ref.path.slice(2)) }
              : { field: terraformPathText(ref.path) };
          if (!uses.some((u) => sameUse(u, use))) uses.push(use);
        }
      }
    }
  };
  record(inPlan);
  record(onServer);
  const fromServer = new Set(onServer);
  return changed.map((object) => {
    const bySequence = index.get(`${object.kind} ${object.id}`) ?? new Map<SequenceValues, UsingField[]>();
    const usedBy = [...bySequence]
      .map(([sequence, uses]): Usage => ({
        taskSequence: sequence.name,
        source: fromServer.has(sequence) ? 'server' : 'plan',
        ...(sequence.address ? { address: sequence.address } : {}),
        ...(sequence.id ? { id: sequence.id } : {}),
        uses,
      }))
      .sort(byPlace);
    return { ...object, usedBy };
  });
}

function sameUse(a: UsingField, b: UsingField): boolean {
  return a.field === b.field && a.step?.name === b.step?.name && (a.step?.group ?? []).join('\u0000') === (b.step?.group ?? []).join('\u0000');
}

/** The plan's sequences by address, then the server's by name and ID. */
function byPlace(a: Usage, b: Usage): number {
  if (a.source !== b.source) return a.source === 'plan' ? -1 : 1;
  const key = (u: Usage) => `${u.address ?? ''}\u0000${u.taskSequence}\u0000${u.id ?? ''}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}
