/**
 * Why faq.json was refused. The message is written for the clinic staff member who edited the file
 * (it names the file, the entry and the field in plain words); `entryId` and `field` let tests and
 * tools check the place without parsing the sentence. Messages come from KnowledgeBaseMessages.
 */
export class KnowledgeBaseError extends Error {
  constructor(
    message: string,
    /** The file (or other source) that was refused, as given to the loader. */
    readonly source: string,
    /** The id of the entry at fault (or `entry 3` when it has no usable id); undefined for the whole file. */
    readonly entryId?: string,
    /** The field at fault, e.g. `followUps`; undefined when the problem is not one field. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'KnowledgeBaseError';
  }
}
