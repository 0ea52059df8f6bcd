/** One user-facing string in every language the game ships. Feature tables are records of these. */
export interface BilingualString {
  readonly en: string;
  readonly "zh-CN": string;
}
