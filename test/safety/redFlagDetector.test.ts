import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { fillPlaceholders } from '../../config/fillPlaceholders';
import { RedFlagDetector } from '../../safety/RedFlagDetector';
import { loadRedFlagRules, unreviewed } from '../../safety/RedFlagRules';
import { carriesRisk } from '../../safety/SafetyAssessment';
import { isCaught, outcomeOf as outcome } from '../../staff/evaluation/evaluateRedFlags';

const KNOWLEDGE = join(__dirname, '../../knowledge');
const DATA = join(__dirname, '../data');
const rules = loadRedFlagRules(join(KNOWLEDGE, 'red-flags.json'));
const detector = new RedFlagDetector(rules);

interface CorpusLine {
  text: string;
  expected: string;
  topic: string;
}

/** Scores a labelled corpus; prints the one-line summary and every miss and false alarm. */
function score(
  name: string,
  file: string,
): { recall: number; falseAlarmRate: number; escalationRate: number; misses: string[]; clarifyMisses: string[] } {
  const lines = readFileSync(join(DATA, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusLine);
  const misses: string[] = [];
  const falseAlarms: string[] = [];
  const clarifyMisses: string[] = [];
  let flagged = 0;
  let none = 0;
  for (const line of lines) {
    const got = outcome(detector.assess(line.text));
    if (line.expected === 'none') {
      none++;
      if (got !== 'none') falseAlarms.push(`${got}: ${line.text}`);
    } else if (line.expected === 'clarify') {
      if (got === 'none') clarifyMisses.push(line.text);
    } else {
      flagged++;
      if (!isCaught(line.expected, got)) misses.push(`expected ${line.expected}, got ${got} [${line.topic}]: ${line.text}`);
    }
  }
  const pct = (n: number, d: number): string => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;
  console.log(
    `      red flags (${name}): recall ${pct(flagged - misses.length, flagged)} (${flagged - misses.length}/${flagged}), ` +
      `false alarms ${pct(falseAlarms.length, none)} (${falseAlarms.length}/${none}), clarify lines left clear: ${clarifyMisses.length}`,
  );
  for (const text of [...misses, ...falseAlarms.map((f) => `false alarm ${f}`), ...clarifyMisses.map((c) => `clarify left clear: ${c}`)]) {
    console.log(`        - ${text}`);
  }
  const escalated = falseAlarms.filter((f) => !f.startsWith('clarify:')).length;
  return {
    recall: (flagged - misses.length) / flagged,
    falseAlarmRate: falseAlarms.length / none,
    escalationRate: escalated / Math.max(none, 1),
    misses,
    clarifyMisses,
  };
}

function expectOutcome(text: string, expected: string): void {
  expect(outcome(detector.assess(text)), text).to.equal(expected);
}

function expectEach(expected: string, texts: readonly string[]): void {
  for (const text of texts) expectOutcome(text, expected);
}

/** The ids of the rules that escalated a message (none when it was not escalated). */
function flagsOf(text: string): readonly string[] {
  const assessment = detector.assess(text);
  return assessment.kind === 'escalate' ? assessment.flags : [];
}

/** Whether a reviewed rule, not the net alone, escalated the text. */
function readByRule(text: string): boolean {
  return flagsOf(text).some((flag) => !flag.startsWith('learned'));
}

/** Each text gets `expected`, and from a reviewed rule: words added to the lists are read by a rule, not left to the net. */
function expectEachByRule(expected: string, texts: readonly string[]): void {
  expectEach(expected, texts);
  for (const text of texts) expect(readByRule(text), text).to.equal(true);
}

describe('RedFlagDetector', () => {
  it('dev corpus: 100% recall, false alarms under 5%, no clarify line left clear', () => {
    const result = score('dev', 'red-flags-dev.jsonl');
    expect(result.misses).to.deep.equal([]);
    expect(result.clarifyMisses).to.deep.equal([]);
    expect(result.falseAlarmRate).to.be.below(0.05);
  });

  // Development sets written blind, then tuned on (and trained on by the net): floors at their tuned level, so a
  // change that loses what one taught shows here. False alarms count a clarifying question too.
  const developmentFloors = [
    { set: 'D', file: 'red-flags-dev-d.jsonl', about: 'fourth', recall: 0.98, falseAlarms: 0.06 },
    { set: 'E', file: 'red-flags-dev-e.jsonl', about: 'indirect crisis wording', recall: 0.96, falseAlarms: 0.1 },
    {
      set: 'H',
      file: 'red-flags-dev-h.jsonl',
      about: 'passive and indirect crisis, alarming words used safely',
      recall: 0.97,
      falseAlarms: 0.1,
    },
    {
      set: 'J',
      file: 'red-flags-dev-j.jsonl',
      about: 'crisis in images, plans and goodbyes, the same words used safely',
      recall: 0.97,
      falseAlarms: 0.16,
    },
    { set: 'N', file: 'red-flags-dev-n.jsonl', about: 'benign near-misses in ordinary voices', recall: 0.97, falseAlarms: 0.13 },
    { set: 'P', file: 'red-flags-dev-p.jsonl', about: 'benign near-misses, indirect crisis', recall: 0.94, falseAlarms: 0.14 },
    {
      set: 'Q',
      file: 'red-flags-dev-q.jsonl',
      about: 'benign near-misses in new situations, indirect crisis',
      recall: 0.93,
      falseAlarms: 0.11,
    },
  ];
  for (const floor of developmentFloors) {
    it(`development set ${floor.set} (${floor.about}): recall at least ${Math.round(floor.recall * 100)}%, false alarms under ${Math.round(floor.falseAlarms * 100)}%`, () => {
      const result = score(`dev ${floor.set}`, floor.file);
      expect(result.recall).to.be.at.least(floor.recall);
      expect(result.falseAlarmRate).to.be.below(floor.falseAlarms);
    });
  }

  it('leaves everyday chat and safe figures of speech alone: under 1% escalated, under 6% asked a safety question', () => {
    for (const file of ['everyday-chat.jsonl', 'everyday-idioms.jsonl']) {
      const { falseAlarmRate, escalationRate } = score(file, file);
      expect(escalationRate, file).to.be.below(0.01);
      expect(falseAlarmRate, file).to.be.below(0.06);
    }
  });

  // The held-out third is never read while rules are tuned; these are floors, the note reports the numbers.
  it('held-out corpus: recall at least 90%, false alarms under 10%', () => {
    const result = score('held-out', 'red-flags-heldout.jsonl');
    expect(result.recall).to.be.at.least(0.9);
    expect(result.falseAlarmRate).to.be.below(0.1);
  });

  const cases: Record<string, readonly string[]> = {
    emergency: [
      "I wet myself this morning and didn't notice",
      'wet myself',
      'pooped myself',
      'peed my pants',
      "can't feel my privates",
      'things feel numb down there',
      'lost control of my blader',
      'numbnes in my groin',
      'im incontinant',
      'lost bowl control',
      "I can't feel my private area",
      'my foot slaps the ground',
      "can't feel the paper when I wipe",
      "no back pain but I can't pee",
      "my husband can't control his bladder",
      "is it normal that I can't feel my bum?",
      'sciatica down both legs',
      'numbness in both legs',
      'my leg is weak and I keep limping',
      'my leg gives way when I walk',
      'my foot drags when I walk',
      'I think I accidentally took too much of my pain meds, I am really drowsy and my breathing feels slow',
      'shaking uncontrollably, temp 40, confused, my back is agony',
      'been taking ibuprofen for weeks for my sciatica and just vomited blood',
      'My back dey pain me well well and now urine no dey comot',
      // A "lol" of embarrassment sets nothing aside.
      'the gooch area is completely numb lol sorry for tmi. sciatica flared up 2 days ago',
    ],
    crisis: [
      "I can't go on with this pain",
      'I want to end it',
      'no point living like this',
      // Hopeless words with a plan: the net is sure, so no question comes first.
      "the pain's winning and i'm done fighting it. i've chosen a way out.",
    ],
    urgent: ['I had cancer', 'history of prostate cancer'],
    none: [
      'no bladder problems',
      "I don't have numbness in my groin",
      "I'm not incontinent",
      'can I control the pain with ibuprofen?',
      'what are the warning signs of cauda equina?',
      'pain down my left leg',
      'my right leg is numb',
      "I'm limping because of the pain",
      'walking is hard because my leg hurts',
      "I'm 67",
      'this pain is killing me',
      'Slept like the dead last night for the first time in months, the new mattress is brilliant!',
      "I'm dead on my feet this week, new baby and a toddler",
      'dying to know when I can run again',
      'my aunt had cancer',
    ],
  };
  // Families, not phrases: lay body words, function described, general emergencies as combinations of
  // signs, the Columbia scale's plans, preparation and aborted attempts, and ordinary explanations.
  const families: Record<string, readonly string[]> = {
    emergency: [
      'my junk has gone numb',
      'numb from the waist down',
      'sat on the loo for ages and nothing',
      'lost the strength in both legs',
      'my arm and jaw ache and there is pressure on my chest',
      'her speech has gone funny',
      'hives everywhere and now wheezing',
      'my calf is swollen and I am short of breath',
      'he fell and now he is confused',
      'pain going from my back into my chest and I feel faint',
      'I have an AAA and now sudden severe back pain',
      'WHY CANT I LIFT MY FOOT',
      'my husband, who has not been able to pass urine since last night',
      'found my knickers wet and no idea when it happened',
      'it started in my left leg and now it is in both',
      'my legs go from under me and I fell twice',
      'I could not raise my left foot this morning',
    ],
    urgent: [
      'lost 8kg without trying and my back aches',
      'I feel generally unwell and this back pain is new',
      'night sweats and my back is killing me',
      'I use needles and my back is really sore',
      'I am on apixaban and had a fall onto my back',
    ],
    crisis: [
      'thinking about sewer slide',
      'I have been saving my tramadol up for weeks',
      'poured all my pills out last night and stared at them',
      'nearly did it on sunday',
      'my mum tried to take her life',
      'I take extra tablets on purpose to feel nothing',
      'I know when and how',
      'would not be sad if i just did not exist anymore',
      'my plan is sorted',
      "I won't be around next month. Thank you for everything",
      'cancelled all my appointments, thanks for trying, goodbye',
      'there is no future for me with this pain, I give up',
      'my brother tried to hang himself',
      'tired of existing',
      'all my tablets are in the drawer and there is no point any more',
    ],
    none: [
      'my legs are dead after that hike',
      'legs feel weak after deadlifts, doms i think',
      'my arm went numb because I slept on it',
      'I would rather die than do another plank',
      'both legs ache after standing all day at work',
      "my son's got a temperature so I need to rebook. Sciatica is a bit better",
      'background for my notes: fell off my bike as a kid, fully healed',
      'my plan is to keep stretching',
      "my back is much better so I won't need any more appointments, thank you for everything!",
      'if my legs got weak, is that when I call 999?',
      'I will take everything in my stride',
      'no point booking yet, I will wait for my scan',
      'my granddaughter has chickenpox so I cannot come in',
    ],
  };
  for (const [expected, texts] of Object.entries(families)) {
    for (const text of texts) it(`"${text}" -> ${expected}`, () => expectOutcome(text, expected));
  }

  for (const [expected, texts] of Object.entries(cases)) {
    for (const text of texts) it(`"${text}" -> ${expected}`, () => expectOutcome(text, expected));
  }

  it('asks no bladder question when a bladder word means something else ("go to a doctor", "range of motion")', () => {
    for (const text of ['do i need to go to a doctor for sciatica', 'i have lost range of motion in my lower back']) {
      expect(outcome(detector.assess(text)), text).to.equal('none');
    }
    expect(outcome(detector.assess('I need to go to the loo all the time but nothing comes out'))).to.equal('emergency');
  });

  it('asks the question about the risk concept it found, from the data file', () => {
    for (const [text, id] of [
      ['I had an accident this morning', 'bladder-bowel-check'],
      ["I can't take it anymore", 'crisis-check'],
      ['my leg feels weird and heavy', 'leg-weakness-check'],
    ]) {
      const question = rules.clarify.find((c) => c.id === id)?.question;
      expect(detector.assess(text), text).to.deep.equal({ kind: 'clarify', ruleId: id, question, language: 'en' });
    }
  });

  it('lists every rule that fired, with priority emergency > crisis > urgent', () => {
    const all = detector.assess("I had cancer, I want to end it and I can't pee");
    expect(all).to.include({ kind: 'escalate', urgency: 'emergency' });
    expect(all.kind === 'escalate' ? all.flags : []).to.include.members(['urinary-retention', 'cancer-history', 'suicidal-thoughts']);
    expect(detector.assess('I had cancer and I want to end it')).to.include({ kind: 'escalate', urgency: 'crisis' });
  });

  it('an attempt in progress gets the call-now advice, ahead of everything else', () => {
    expect(detector.assess("i've taken all my tablets and my chest hurts")).to.include({ urgency: 'crisis', advice: 'crisisNow' });
    expect(detector.assess('my husband drank pesticide an hour ago because of the pain')).to.include({
      urgency: 'crisis',
      advice: 'crisisNow',
    });
    expect(fillPlaceholders(rules.escalations.crisisNow.text, { emergencyNumber: '911', crisisLine: '988' })).to.match(
      /^Please call 911 now.*988/,
    );
  });

  it('sees through look-alike letters, zero-width characters, stretched and spelt-out letters', () => {
    expectEach('emergency', [
      'my gr\u043ein is n\u0443mb',
      'i c\u200ban\u200bt p\u200bee',
      'nuuuumb groin',
      'cannnnt peeeee since yesterday',
      'n.u.m.b. down there',
      '\uff4e\uff55\uff4d\uff42 groin',
    ]);
  });

  it('reads Spanish on every message, and answers a Spanish red flag in Spanish', () => {
    expect(detector.assess('no siento las nalgas y no puedo orinar')).to.include({
      kind: 'escalate',
      urgency: 'emergency',
      language: 'es',
    });
    expect(detector.assess('quiero morir, ya no aguanto el dolor')).to.include({ kind: 'escalate', urgency: 'crisis', language: 'es' });
    expect(detector.assess('my back hurts y no siento las piernas')).to.include({ kind: 'escalate', language: 'es' });
  });

  it("knows whose symptom it is: someone else's emergency escalates for them, a relative's fever is no red flag", () => {
    expect(detector.assess("my husband can't pee since last night")).to.include({ urgency: 'emergency', aboutSomeoneElse: true });
    expect(outcome(detector.assess('my son has a fever so I need to reschedule'))).to.equal('none');
    // Everyday words for the people (and pets) a patient cares for, not just the formal ones.
    expectEach('none', [
      'mi hijo tiene fiebre, necesito cambiar la cita del jueves',
      // "I've" is "I have", but "have" is no word for the writer ("my cousin have fever" is the cousin's).
      'Mi cousin have fever so mi cyaan come tomorrow',
      // A body site denied where it stands denies the rule that pairs it with a sign beside it.
      'not numb anywhere near my privates, the tingling is just in my foot',
      // "Nothing" is retention only when nothing comes: "nothing wrong with my bladder" is a reassurance.
      'nothing wrong with my bladder or bowels, just the leg pain',
      "feel like I've been hit by a bus after the gym",
      // Wishing the pain away is no wish to be dead; wishing oneself away is (below).
      'I wish the pain would just go away',
      'I just want the pain to end',
      'Little one has a temperature, nursery sent her home, so I cannot make it',
      'My anak has fever, I need to bring her to the doctor',
      'Mi perro tiene fiebre, llego 15 minutos tarde',
      'my toddler has a fever',
      'our dog has a fever, can I come in later?',
      'hubby has a temperature so I have to cancel',
    ]);
    expect(detector.assess('my dad keeps saying we would be better off without him, he would be better off dead')).to.include({
      urgency: 'crisis',
    });
  });

  it('sets aside past, resolved, lifelong, hypothetical and joking mentions, but keeps the risk words for the no-pitch rule', () => {
    const dated = [
      'I had a blood clot in my leg in 2019',
      'back in 2021 I had a DVT',
      'my brother ended up in hospital with cauda equina, what should I watch for?',
    ];
    for (const text of [
      'had a bladder infection years ago, all fine now',
      'a bit leaky since my second baby, no change',
      'what if my groin goes numb?',
      'I nearly wet myself laughing lol',
      ...dated,
    ]) {
      const a = detector.assess(text);
      expect(a.kind, text).to.equal('clear');
    }
    const denied = detector.assess('no bladder problems');
    expect(denied.kind).to.equal('clear');
    expect(denied.kind === 'clear' ? denied.riskConcepts : []).to.include('voiding');
  });

  it('reads what follows a mention and speaks of it: "that\'s been since", "Grand now.", a bare "No." to a question, "I don\'t have any of that"', () => {
    expectEach('none', [
      "My foot slaps a bit when I walk but that's been since my knee replacement 3 years ago, surgeon's aware.",
      "My knee buckled once last month on a kerb, it's been solid since. Left leg, the bad side.",
      'The leg went a small bit numb after the injection this morning, the doctor said it would wear off. Grand now.',
      'Lost weight? No. Fever? No. Night pain? No. Just a stiff back after the long drive',
      "What does it mean when the doctors talk about saddle numbness? I don't have it, my friend was asking.",
      'I was told to come back if I had any bladder or bowel problems or numbness in the saddle area. I have none of that.',
      "Had breast cancer? No I didn't, the form filled it in by itself. Please fix my record",
      "hi I'm 68 and my leg gives way now and then but that's my bad knee, been like that since a rugby injury in 1979",
      'Dad has been a bit incontinent for about eight years now, the continence nurse knows, nothing has changed there',
    ]);
    // What follows only counts when it speaks of the mention: a new report, or "otherwise", does not.
    expectEach('emergency', [
      "Had two 'accidents' with my bowels yesterday which I didn't feel coming at all. Otherwise no change.",
      "I can't pee since this morning. It's been a rough week with the back.",
      'My leg gave way on the stairs and I fell, and the other leg is going weak too. Not that I want to make a fuss.',
    ]);
    // Thoughts of suicide denied afterwards are still thoughts of suicide.
    expect(outcome(detector.assess("I've been thinking about ending it all. Not that I'd do it."))).to.equal('crisis');
  });

  it('reads a resolution that holds a clause word ("fine now", "better now") and idioms of falling and weakness', () => {
    expectEach('none', [
      'my leg gave way on the stairs yesterday, better now',
      "my knee buckled at netball on Saturday, it's fine now",
      'Right leg gave out once getting off the bus in March, never happened again',
      'I fell off the wagon with the stretches over the holidays, sorry! Same pain as before',
      'My knees went weak at the knees when the physio quoted the price lol',
    ]);
    // A new or ongoing loss is still an emergency, and a real fall still asks for care.
    expectEach('emergency', ['my leg gave way on the stairs yesterday and again now', 'my leg keeps giving way, worse now']);
    expect(outcome(detector.assess('fell off a wagon at the farm and landed on my back'))).to.equal('urgent');
  });

  it('reads a clause with no subject of its own that gives the time ("always has") and a resolution of the one it names', () => {
    expectEach('none', [
      'My backside goes numb on long coach trips, always has. Any cushion you recommend?',
      'my knees give way on steep stairs, for years now, the surgeon knows',
      "Our lad fainted at football practice in the heat, he's fine. Can I move Friday?",
    ]);
    // "otherwise fine" speaks of everything else, and "she's fine" of her, not of the writer's fall.
    expectEach('emergency', [
      "I can't pee since this morning, otherwise all fine",
      "my knee keeps collapsing and I fell onto the dog. She's fine. Leg won't take weight",
      'my legs are weak, since this morning',
    ]);
  });

  it('reads a "lol" beside an embarrassed or timed report as nerves, not a joke', () => {
    expectEach('emergency', [
      'this is so embarrassing lol but my front bottom feels like it was packed in ice and it hasnt gone',
      'lol my left foot flaps about like a flipper, started yesterday, back bad all week',
      'tmi sorry lol, I messed myself on the bus and genuinely did not feel it happen',
    ]);
    expectEach('none', ['I nearly wet myself laughing lol', 'my legs are like jelly after that spin class lol']);
  });

  it('reads a symptom told as what came after an ordinary cause, and a new clause past a negation, as a report', () => {
    expectEach('emergency', [
      'my son felt his leg go at the gym and now he cannot lift his foot, it just flops',
      'Back hurt after the gym so I took some of my mum’s tablets and now my throat is swollen and I am wheezing',
      'Grandad is breathing but not talking and one side of his face is drooping',
      'My mother cannot hold the water anymore since Sunday and she does not feel when it comes',
      'since Friday his two legs are not strong to carry him',
    ]);
    // A cause that explains the symptom still does, and a denial still reaches what it lists.
    expectEach('none', ['legs weak after 200 squats at the gym yesterday, fine today', 'no numbness and no weakness in my legs']);
  });

  it('reads a weight told twice, the later lower, as weight lost, and reads its context as any other wording', () => {
    expectEach('urgent', [
      'I was 90kg at Christmas, now 81kg, not trying. Back aching every day',
      'weight has gone from 13 stone to eleven and a half since the summer and I eat the same, plus this back pain',
      'Was 180 lbs in June, today 166 lbs. No diet. Lower back pain.',
      'I had a fever last week, now 37.2 and back pain',
    ]);
    expectEach('none', [
      'I was 90kg at Christmas, now 81kg thanks to the slimming club!',
      "I'm 80kg and my husband is 95kg, can we both book?",
      'went from 70kg to 75kg over the winter, need to get moving again',
      'I was 82kg, now 81.5kg, back feels the same',
    ]);
  });

  it('reads a medicine cut down to so many a day as a dose, not weight lost; a weight lost beside a dose still counts', () => {
    expectEach('none', [
      'Tapering my tablets slowly as agreed with my doctor. Down to 2 a day now. Will the ache come back?',
      'been reducing the gabapentin, dropped from three a day to one at night, is that ok alongside physio',
      'cutting down my naproxen, down to 1 daily',
      "I'm cutting back on my painkillers gradually like the GP said. Down to 2 a day now. Should I expect more pain?",
      "I've been cutting back on my painkillers this week - down from 4 co-codamol a day to 2. Feeling okay. Is that alright to do?",
    ]);
    expectEach('urgent', [
      'lost weight without trying, down to 1 meal a day as I am never hungry, and my back aches all night',
      'down from 12 stone to 10 in two months, eating 3 meals a day, no idea why, back pain too',
    ]);
  });

  it('reads numbness that comes right back on standing, a knee that gives way from an old ligament tear, a fall left harmless and a figurative fever as ordinary', () => {
    expectEach('none', [
      'my backside goes numb on the train seats after a while, then comes right back when I get off and walk',
      'my knee gives way on stairs sometimes, I tore my ACL skiing years ago',
      'the knee buckles now and then, old cruciate ligament injury from rugby',
      'came off my bike at low speed, just a few bruises, back the same as before',
      'the pain is at fever pitch by the evening',
    ]);
    expectEach('emergency', [
      'numb down there since this morning and it does not come back when I stand up',
      'my leg keeps giving way since yesterday and my foot drags, I have never hurt my knee',
    ]);
    expectOutcome('had a fever of 39 and the chills, back is killing me', 'urgent');
  });

  it('reads a hope that the pain or "it" finishes the job, and a blade or compass used on the body, as crisis', () => {
    expectEach('crisis', [
      'I hope it finishes me off in my sleep',
      "This pain is killing me and honestly I'd be glad if it finished the job.",
      'I used a compass on my arm again',
      'took a blade to my thigh again last night',
    ]);
    expectEach('none', ["I'd be glad if the physio could finish the job on my back", 'the drive nearly finished me off lol']);
  });

  it('reads night pain that no change of position eases, in any words for position and no difference, as urgent', () => {
    expectEach('urgent', [
      'my back is at its worst in the night, no matter whether I turn over or get up and walk about',
      'wakes me every night and it does not go when I move, 3 weeks now',
      'at 3am lying down makes it worse not better, so I pace the kitchen',
    ]);
    expectEach('none', [
      "it's worse when i lie on my left side at night but fine if i roll over",
      'sciatica is worse at night, I get up and walk about and it eases',
    ]);
  });

  it('reads feeling lost a bit more each day as progressive, and pounds lost beside feeling well as nothing', () => {
    expectEach('emergency', [
      "I'm losing a bit more feeling in my leg every day",
      'every day I have lost a little more feeling in my foot',
    ]);
    expectOutcome('lost a few pounds this month, feeling much better', 'none');
  });

  it('reads sweats at night and feeling flu-like told in everyday words as fever, unless the heat has an ordinary cause', () => {
    expectEach('urgent', [
      "I'm sweaty in bed every night and my spine hurts in one spot",
      'woke up twice last night sweating and my back is worse',
      'feel like I have got flu and the back pain is really bad',
    ]);
    expectEach('none', [
      'I get sweaty at night because the aircon broke, back is fine',
      'hot and sweaty after my spin class, back a little stiff',
    ]);
  });

  it('reads back pain that started recently in someone who never complained of it, at a risk age, as new; an ordinary cause still explains it', () => {
    expectEach('urgent', [
      'Grandad (79) started having back pain a fortnight ago, never complained about his back in his life',
      "I'm 66 and have never had any problems before, but my lower back started aching last month",
    ]);
    expectEach('none', [
      "I'm 62, started getting back pain after digging the allotment on Sunday",
      'my son (12) started getting back pain after football camp',
    ]);
  });

  it("reads a general question answered as the writer's own in either of the next two sentences as a report", () => {
    expectOutcome(
      'Can sciatica make your calf swell up and go hot? It is tight and shiny. Mine started on Sunday after the long drive.',
      'emergency',
    );
    expectEach('none', [
      'does sciatica cause a hot swollen calf? just curious, my friend asked',
      "Is a hot swollen calf part of sciatica? Mine doesn't do that, just wondering",
    ]);
  });

  it('reads an ache between the shoulders with pallor, sweat or sickness as heart attack signs', () => {
    expectOutcome("Dad's got a heavy ache between his shoulders and he's grey and clammy, says it's just his back", 'emergency');
    expectOutcome('ache between my shoulders after painting the ceiling all day, bit stiff', 'none');
  });

  it('reads a foot that did not lift, told in the past, as foot drop', () => {
    expectEach('emergency', [
      'went flying on the stairs as my foot did not lift',
      "Fell over the step, my foot didn't come up. Back is worse.",
    ]);
  });

  it('reads "+" and "&" between words as "and" would be read: pins & needles, steroid inhaler + tablets', () => {
    expectOutcome('fell off a wall yesterday and now pins & needles down both legs', 'emergency');
    expectOutcome('long term steroid inhaler + tablets for my lungs and now a sudden sharp pain in my spine', 'urgent');
  });

  it('reads a message drafted or scheduled for someone to find as a farewell note; a letter the GP will find useful is none', () => {
    expectOutcome('drafted a message my husband will find tomorrow', 'crisis');
    expectOutcome("I'll write a letter to my GP, you will find it useful", 'none');
  });

  it('reads self-harm from long ago that "has come back" as current', () => {
    expectOutcome('I stopped hurting myself years ago but it has come back since the pain started', 'crisis');
    expectOutcome('I self harmed years ago, not since, all good now', 'none');
  });

  it('reads Spanish back pain someone never had before, at a risk age, as new', () => {
    expectOutcome('Mi padre tiene 77 años, nunca le había dolido la espalda y ahora le duele mucho por la noche', 'urgent');
    expectOutcome('tengo 40 años, me duele la espalda desde que cargué cajas, se me quita con ibuprofeno', 'none');
  });

  it('reads one trip over something as a fall, not a foot that will not lift; tripping over nothing again and again is foot drop', () => {
    expectEach('none', [
      'tripped over the dog yesterday and landed on my hip, bit sore but my back is as it was',
      "tripped over my son's toys, no harm done",
    ]);
    expectOutcome('I keep tripping over nothing, my right foot seems to catch', 'emergency');
    expectOutcome('Mum (81) slipped in the kitchen and landed on her backside, now her back is very sore', 'urgent');
  });

  it('reads cuts "I did myself", a wish "not being alive", no year left "in me" and being thrown down or under something as crisis', () => {
    expectEach('crisis', [
      'how do I look after the cuts on my arm, the ones I did myself',
      "I just don't have another year in me like this",
      'I feel like not being alive most days',
      'Feel like throwing myself down the stairs so it would all be over',
    ]);
    expectEach('none', [
      'trying to work out what I did to myself lifting that sofa',
      'Going to throw myself off the sofa if Arsenal lose again',
    ]);
    expectOutcome('sharp pain at the back of my head like a bomb went off in my head, neck stiff', 'emergency');
  });

  it('reads a general question about "your bits" answered "cos mine has" as the writer\'s own report', () => {
    expectEach('emergency', [
      'does sciatica ever make your groin go numb? cos mine has since yesterday',
      'does sciatica make your privates feel numb? cos mine is since the weekend',
    ]);
    expectOutcome('can sciatica make your bits go numb? just wondering, read it online', 'none');
  });

  it('reads a film, a song, a running drill, taking one\'s life back and "like banging my head against a brick wall" as no crisis', () => {
    expectEach('none', [
      'it feels like banging my head against a brick wall with these exercises',
      'watching suicide squad with the kids tonight, can I move to 9am?',
      'coach had us doing suicides on the court and my sciatica is grumbling',
      "I'm taking my life back one walk at a time, leg much better",
    ]);
    expectOutcome('I bang my head against a brick wall until it bleeds when the pain is bad', 'crisis');
  });

  it('reads a numb bum from a long train journey or plastic chairs that came right back as ordinary; one since the journey that stays is not', () => {
    expectEach('none', [
      'numb bum after a 5 hour train journey, walked it off in ten minutes',
      'my bum went numb on the plastic chairs at parents evening and it came right back after I stood up',
    ]);
    expectOutcome('since the train journey on friday my bum is numb and I cannot feel when I wipe', 'emergency');
  });

  it('reads an overdose of protein shakes or coffee as an idiom, and a max dose asked "for reasons" still as crisis', () => {
    expectOutcome('my brother overdosed on protein shakes again, anyway my leg is better', 'none');
    expectOutcome("what's the max dose of pregabalin before it's dangerous? asking for reasons", 'crisis');
  });

  it('reads an age under 20 or over 50, given as a number, with back pain that is new or wakes at night, as urgent', () => {
    expectEach('urgent', [
      "Retired postman, 67. My back went out of the blue last month, first time in my life it's been like this.",
      'my daughter is 13 and her back pain wakes her most nights, she is a swimmer',
      "I'm 17 and my lower back has hurt all the time for two months",
      'Grandad (84) says the back ache keeps him up every night now',
      "I'm 71 and this is the first back pain I've ever had, it's bad",
      "I'm 58 and this pain came from nowhere, my back has never been bad",
      'tengo 72 años y el dolor de espalda me despierta todas las noches',
    ]);
    expectEach('none', [
      "I'm 58 and my sciatica flares when I garden, how long does it usually take to settle?",
      "I'm 35 and this back pain came out of nowhere",
      'the back pain is 8 out of 10 and wakes me every night, i am 9 weeks into physio',
      "I'm 63, is it my first time booking or do you have me on file?",
      'Over 50 and want to get fitter, what exercises help sciatica?',
    ]);
  });

  it("reads an age told as 'at 74', 'dad's 80', '62 and…' or '59M', with new back pain in everyday words, as urgent; a time is no age", () => {
    expectEach('urgent', [
      'back pain for the first time at 74, can you see me this week',
      "dad's 80 and has developed back pain since Sunday, he never complains",
      '62 and first ever bout of back trouble, started a week ago',
      'New back pain, keeps me up most nights. 59M',
      "I'm 66 and the pain in my lower back started suddenly on Tuesday",
      'sweating through my t-shirt every night and my back aches, is that normal',
    ]);
    expectEach('none', [
      'woke at 3 with back pain for the first time since the physio, is that a flare?',
      'took 45m to get here with my back, first time on the bus',
      "I'm 35 and my back pain started suddenly after the gym",
    ]);
  });

  it('reads pain that moving, changing position or resting does not change (non-mechanical) as urgent, night or not', () => {
    expectEach('urgent', [
      'my lower back hurts exactly the same whether I walk or lie down, been a month now',
      'the pain is 24/7 and no position makes any difference at all',
      'GP called it non-mechanical back pain, deep and constant. Should I still come to you?',
      'wakes me every night and nothing I try helps, not the pillow, not the floor, not the hot water bottle',
    ]);
    expectEach('none', [
      'no matter how I sit at work my leg aches, would a standing desk help?',
      'my sciatica is worse sitting and better when I walk, is that typical?',
    ]);
  });

  it('reads corticosteroids taken for years or again and again, told in any order, as urgent; inhaled steroids are not', () => {
    expectEach('urgent', [
      'been on and off prednisolone for my colitis for years and now my back went after a cough',
      'had cortisone injections in my shoulder over the years, now sudden sharp back pain',
      'Me ponen cortisona desde hace años por el asma y ahora me duele mucho la espalda',
    ]);
    expectEach('none', [
      'I use a steroid inhaler for my asthma, have done for years, does that matter for my back?',
      'had one steroid injection for the sciatica last spring and it helped a lot',
    ]);
  });

  it("reads a first back pain told as 'never had back trouble', cancer in clinical shorthand, systemic signs and '53F' as urgent", () => {
    expectEach('urgent', [
      "I'm 67, never had back problems before, and this started a fortnight ago",
      'Hx ovarian ca 2016. Back pain for a month now, can I book?',
      '53F, new back pain out of nowhere, can I get an appointment',
      'my bloods came back with raised inflammatory markers and my back is bad',
      'temp 38c last night and my lower back aches',
    ]);
    expectEach('none', ['temp was 37c this morning, back the same as usual', '34F, back pain after moving house, first time']);
  });

  it("reads thoughts of dying and a wish for assisted dying, the writer's or someone else's, as crisis; a programme about it is none", () => {
    expectEach('crisis', [
      "My uncle keeps asking me how to get to Dignitas. He isn't ill, just lonely since my aunt died.",
      'I think about dying most days now because of this leg',
    ]);
    expectOutcome("There's a documentary about assisted dying on tonight. Anyway, can I swim with sciatica?", 'none');
  });

  it('reads control or awareness lost told with "without" as incontinence, and "puffed" as breathless', () => {
    expectEach('emergency', [
      'since this morning I have been passing water without any control, my back is bad',
      'I opened my bowels twice without being aware of it today',
      'I get puffed just walking to the kettle and my right calf is swollen and sore',
    ]);
    // Water passed without trouble is no sign: the bladder question at most.
    expectOutcome('I can pass water without any trouble, it is just my back', 'clarify');
  });

  it('reads a sign checked and found normal, numbness that goes once the patient moves, and exercise names as no report', () => {
    expectEach('none', [
      'Had a tight chest during a panic attack last winter, it checked out fine. Could stress make my sciatica worse?',
      'My chest feels tight when I get anxious, it has been checked loads of times, ECGs normal. Just nervous about my first session.',
      'My bum goes numb on the long coach trips but it comes back once I stand and stretch. Any tips for sitting?',
      'Are suicide squats ok with a disc problem?',
      'The forms are such a burden, can you email the invoice again?',
      'I need a letter for my life insurance application about my back',
    ]);
    // A check that was normal before does not clear a sign told now.
    expectEach('emergency', [
      'my ECG was normal last year but now I have crushing chest pain going down my arm',
      'MRI came back normal but since this morning I cannot pass urine at all',
      'wee and poo all normal but I cannot feel the toilet paper when I wipe',
    ]);
    expectEach('crisis', [
      "I'm such a burden to everyone",
      'would my life insurance pay out if it looked like an accident',
      "He said 'you'd get the life insurance at least' and laughed, I'm scared",
    ]);
    expectOutcome('I need to get the life insurance sorted before we move', 'none');
  });

  it('reads a temperature from a covid jab and weight lost and put back on as explained; a fever after a spinal injection still counts', () => {
    expectEach('none', [
      'Got a temperature from the covid jab yesterday, should I still come in?',
      'Lost a stone last spring after a chest infection, put it all back on since. My sciatica started this month.',
    ]);
    expectOutcome('temperature of 38.5 since my epidural injection on Monday and my back is agony', 'urgent');
  });

  it("reads a clinic's policy, a course or a patient in general as talk about the topic, and a wish to die taken back as a joke", () => {
    expectEach('none', [
      "I'm a pharmacist doing a suicide awareness course. Does your clinic have a policy for patients who mention self-harm in chat?",
      "What do you do if a patient says they are suicidal? I'm training as a nurse.",
      "Does the clinic have a policy for when someone is suicidal? It's for my dissertation.",
    ]);
    expectOutcome(
      "sorry for the drama yesterday, I said I wanted to die on the table, didn't mean it obviously! Can I book a gentler massage?",
      'clarify',
    );
    expectOutcome('I want to die. not serious about much else but this I am', 'crisis');
  });

  it("reads grandchildren as other people (a 4-year-old's wet bed is no red flag), and new words for preparation, method and self-harm", () => {
    expectOutcome("our grandson wet the bed again last night, he's 4", 'none');
    expectEach('crisis', [
      'I keep imagining my own funeral and it feels like relief',
      "I leave the gas on at night hoping I won't come round",
      'I slashed my arm last night, it felt better',
    ]);
    expectOutcome("I'm 58, new severe low back pain for a fortnight", 'urgent');
    expectOutcome('My sister took an overdose years ago, she is well now. Is pregabalin addictive?', 'clarify');
    expectEach('crisis', [
      'my son-in-law was found with a ligature round his neck last night',
      "My friend and I have agreed we'd both go together, we've got the stuff",
    ]);
    expectOutcome('My calf is massive and hot since the flight', 'emergency');
    expectOutcome('the waiting list is massive and my calf is fine', 'none');
  });

  it('asks, rather than escalates, about an attempt long ago that the writer has been fine for years since', () => {
    expectOutcome('Took an overdose back in my teens, had help, been fine for 20 years. Mentioning it because your form asks.', 'clarify');
    expectOutcome('I was fine for 10 years but last night I took all my tablets', 'crisis');
  });

  it('keeps a sign that is "not getting better" a sign (a resolved cue must not hear only "getting better")', () => {
    expectOutcome("the numbness down there is not getting better and I can't feel the toilet paper", 'emergency');
  });

  it('gives an emergency or crisis the net knows in a message whose rules found only an urgent sign, not the urgent advice', () => {
    expectOutcome(
      "hey doc can't stop shaking, temp 40.1, back's killing me where I had the injection on Monday and I feel really confused. is it the flu going round?",
      'emergency',
    );
    expectOutcome('Got fentanyl from someone at the pub. Not for the back. For the other thing. Tonight.', 'crisis');
  });

  it('recognises falls and blows told in everyday images, and night pain nothing changes', () => {
    expectEach('urgent', [
      'a wave knocked me flat on the rocks, landed across my lower back, sore since',
      'Mum is 88, slid off the bed onto the floor in the night and now her back is agony',
      'I was thrown against the seat when the bus braked, back pain since',
      'the pain wakes me up every night and nothing I do changes it',
    ]);
    expectEach('none', ['the pain is only when I lie flat on my back, a pillow under my knees helps']);
  });

  it("recognises overdoses, aborted acts, preparation and self-harm told without the usual words, as the writer's own", () => {
    for (const text of [
      "I'm in the bath and I've had the tablets and most of the bottle. The leg doesn't hurt now.",
      'got halfway through swallowing them, stopped and made myself sick. think I am ok',
      'got my spot picked out by the canal',
      'gave my brother the passwords to my accounts and showed him where the will is',
      'I swallowed a battery after the bad night, I know it sounds mad',
    ]) {
      const a = detector.assess(text);
      expect(outcome(a), text).to.equal('crisis');
      expect(a.kind === 'escalate' && a.aboutSomeoneElse, text).to.equal(false);
    }
    const thunderclap = detector.assess('felt a pop in my head on the rowing machine then the worst headache ever, neck stiff');
    expect(outcome(thunderclap)).to.equal('emergency');
  });

  it('recognises the set-X families: slang for suicide, means bought, regions below the belt, legs that go, falls and fevers in images', () => {
    expectEach('crisis', [
      'wanna unaliiiive so bad tonight',
      'bought a hosepipe and some tape, told the wife it is for the garden',
      "I'm in the car with the hose in, just wanted to say thanks",
      'I am scared of what I might do tonight',
    ]);
    expectEach('emergency', [
      "can't feel anything from the belt down, front and back",
      'after ten steps the legs just go and I grab the wall',
      'my back pain came on like a gunshot and my feet are cold and mottled',
      'woke up on the floor by the recliner, do not know how long I was out',
    ]);
    expectEach('urgent', [
      'sweating through my sheets every night and the back pain is new',
      'went head first over the handlebars, back pain since',
    ]);
    expectEach('none', [
      'our cockapoo has a fever so the vet is seeing him at 2, I will be late',
      'Heart attack of a bill from the garage, need to pause physio',
      'my knees have been weak for as long as I can remember, arthritis',
      'had chills at the weekend, turned out the boiler was broken',
      'this pain is killing me',
    ]);
  });

  it('recognises the set-Y families: exits planned, attempts survived, a screening answer, one side heavy, sweats and shakes, a belt on its last hole', () => {
    expectEach('crisis', [
      'I lie awake planning my exit, then pretend I am fine in the morning',
      'I jumped off the bridge in May and a kayaker pulled me out, not sure I am ok now',
      "Q9 on your form, 'thoughts that you would be better off dead', yes, most days",
      'I keep looking at my belt and the banister',
    ]);
    expectEach('emergency', [
      'suddenly my left side feels heavy and I cannot type properly with my left hand',
      "Mum's bladder has always been slow but she has not gone at all since yesterday and her belly is hard as a football",
    ]);
    expectEach('urgent', [
      'cold sweats and shakes every night and the back pain is new',
      'belt on the last hole now, back aches all night',
    ]);
    expectEach('none', [
      'I hold the banister going downstairs because of my knee, can I do the stretches on the stairs?',
      'giving away my old recliner since the physio said it is bad for my back',
      'i keep falling asleep on the sofa because the bed hurts',
    ]);
    expect(outcome(detector.assess('on warfarin, sudden severe back pain this afternoon, no injury'))).to.equal('urgent');
    // An attempt told as long ago and over, its date in a clause of its own, is asked about gently, not escalated.
    expect(detector.assess('I had an overdose when I was 19, about 25 years ago. I got help and have been well ever since.').kind).to.equal(
      'clarify',
    );
  });

  it('recognises the set-AA and AB families: inability put with a hedge, weight reduced, steroid tablets, a note written, pills emptied out', () => {
    expectEach('emergency', ['quick one, is it normal to not really be able to pee since the back got worse?']);
    expectEach('urgent', [
      'my weight has reduced 5 kg in two months without trying, and the back pain is new',
      "I'm on cortisone tablets for my asthma and the back pain came on suddenly",
      "the back pain wakes me at 3am every night, doesn't matter how I lie",
    ]);
    expectEach('crisis', [
      "I've finished writing my note. Just waiting for the house to be empty",
      'I swallowed the contents of my dosette box an hour ago',
    ]);
  });

  it("reads a carer's or a nurse's work with a sign as no report, but not their own symptom", () => {
    expectEach('none', [
      "I'm a district nurse so I deal with catheters and retention every day, my own problem is just the leg. Any slots Friday?",
      'I work in a care home and we change incontinence pads all shift, any tips for my back?',
    ]);
    // Naming the job once set aside every mention near it, the writer's own included.
    expectEach('emergency', [
      "I'm a nurse and I have been incontinent since Tuesday",
      'As a nurse I know this is bad: I cannot pee since last night',
    ]);
    expect(outcome(detector.assess("I'm a care worker and I've got a temperature, shakes and my back is killing me"))).to.equal('urgent');
  });

  it('recognises the set-AC families: legs that bend by themselves or take no weight, toes that do not come up, keeling over', () => {
    expectEach('emergency', [
      'since yesterday my knees keep bending by themselves and I went down in the shop',
      "my left leg won't take any weight since this morning and the back is agony",
      "toes don't come up on the right any more, I keep catching them on the stairs",
      'my neighbour just keeled over in the garden and is breathing oddly',
      'calf swollen and hot and I am really short of puff since this morning',
      'woke up in a mess, I never felt it coming, and my back has been bad all week',
    ]);
  });

  it('recognises the set-AD families: places and doses planned, nobody to miss them, a message for after; and reads "less than last week", numb with the cold, interviews lined up as no report', () => {
    expectEach('crisis', [
      "I've worked out the dose, it adds up now",
      'nobody would miss an old wreck like me anyway',
      "when it's dark I'm going to walk into the lake",
      'if anything happens to me please tell my physio it was not her fault',
    ]);
    expectEach('none', [
      'the numbness in my calf is less than last week, the exercises are working',
      'my toes go numb with the cold when I swim, is that the back?',
      "I've got two job interviews lined up so can I move Tuesday's session?",
      'my bum goes numb on long drives but it is fine when I get up',
    ]);
    // Worse than before, and numb saddle after the cold, still escalate.
    expectEach('emergency', [
      'the numbness is worse than last week and spreading up my leg',
      'my feet went numb with the cold and now I cannot feel my groin or bum',
    ]);
  });

  it('reads a warning passed on ("my aunt says not being able to pee is an emergency") as no report, unless the writer owns up to it', () => {
    expectEach('none', [
      'my aunt says not being able to pee with a bad back is an emergency, is that true? just curious',
      'read in an article that numbness in the groin is a red flag, good to know for the future',
      "what does 'cauda equina' mean? my GP mentioned it. I've not got it, just want to understand",
    ]);
    expectEach('emergency', [
      'my sister says my groin numbness is a red flag, should I worry?',
      "can't pee since last night, it's an emergency",
      'heard on the radio that numbness in the saddle area is an emergency. mine is numb since this morning',
    ]);
  });

  it('reads "my back\'s in a bad way" as no history: "back in" dates only with a time after it ("back in 2015", "back in the summer")', () => {
    expectEach('emergency', ["my bum is numb and my back's in a bad way", "can't feel my bits and my back's in agony"]);
    expect(detector.assess('back in 2015 my bum went numb for a day after a fall, fine ever since').kind).to.not.equal('escalate');
  });

  it('recognises the set-AF and AG families: everything planned, something taken behind a door, a gun within reach, not being there', () => {
    expectEach('crisis', [
      "I've planned everything, next week when the kids are at their nan's I'll finish this",
      "he's locked in the bathroom and says he has taken something",
      "there's a shotgun in the cabinet and I know where the key is. I just want it all to stop",
      "some nights I'd just like to go to sleep and not be there anymore",
    ]);
    expectEach('none', [
      'did a long hike on Saturday and both legs are tired and achy today, back is fine',
      "can't feel my toes in this weather, is the hydro pool still ok?",
      'Dad has been a bit incontinent for years, the GP and the continence nurse know all about it. Is there parking?',
    ]);
  });

  it('reads an injury named right after an ordinary cause as no explanation ("after a deadlift injury")', () => {
    expectEach('emergency', ['is it normal to not feel my arse after a deadlift injury']);
    expectEach('none', ['legs feel weak after deadlifts yesterday, normal?']);
  });

  it("reads a dentist's numb face as explained, and water drunk by the load as no overdose", () => {
    expectEach('none', [
      "running late, I'm at dentist and my face is numb from the injection",
      'I might need a loo break in the session, I drink loads of water these days',
    ]);
    // A dentist does not explain what comes after it.
    expectEach('emergency', ['came home from the dentist and now my face is drooping and I cannot lift my arm']);
  });

  it("reads a thing's or a pet's collapse, an exercise's name and an activity the pain stopped as no report", () => {
    expectEach('none', [
      'our gazebo collapsed in the wind so I pulled my back tidying up, can I book in?',
      'have to cancel, the dog was off her food and then she collapsed at the vet, waiting for news',
      'the knee to chest stretch hurts my hip, is there another one?',
      'the sciatica has stopped me cycling to work, any tips?',
      'can you overdose on magnesium? I take two at night for cramps',
      'Mum wets herself sometimes, has done for three years, the continence team know. Can I stay in the room with her?',
    ]);
    // A person's collapse, a chest that presses and a lasting symptom that is getting worse still escalate.
    expectEach('emergency', [
      'the dog knocked into my husband and he collapsed, he is not answering me',
      'my chest is pressing like a heavy weight and I am sweating',
    ]);
  });

  it('knows a young child wetting or soiling is still learning to be dry, and a concept naming a place or a job is no report', () => {
    expectEach('none', [
      "my 2 year old wet herself at the park so we're late, sorry",
      'Our toddler soiled himself in the car on the way, can we come at 3 instead?',
      'My son is 3 and he keeps wetting the bed, all the bending to change sheets is killing my back',
      "I've worked on a stroke unit for years, all that lifting, that's why my back is bad",
      "I'm a continence nurse so I know the red flags, mine is just a sore leg after the gym",
    ]);
    // Older children, adults and a young child's other emergencies still escalate.
    expectEach('emergency', [
      "my 12 year old wet himself twice today and his back hurts, that's never happened",
      "my toddler can't pee since this morning",
      "Since my 3 year old's birthday I can't feel when I need to wee and I've wet myself twice",
    ]);
  });

  it('reads an example given to a general question, and a condition inside one, as asking, not reporting', () => {
    expectEach('none', [
      "Which symptoms mean it's serious? Like numbness round the back passage, or not managing to wee? Asking ahead of a trip",
      'Is there a list of danger signs? Say, legs going weak or not feeling the toilet paper? All good here.',
      'Would I ring you or the ambulance if my legs both gave out? Planning ahead, nothing wrong today.',
      'Could you tell me whether not being able to pee counts as an emergency? For my notes, I feel fine.',
      "What are the warning signs? I don't have any of these.",
    ]);
    // An example that names the writer, or a question about the writer's own state, is a report.
    expectEach('emergency', [
      "Like, I can't feel my bum at all?",
      "if I can't pee since last night is that bad?",
      'What do I do? Like I literally cannot feel down below since this morning',
    ]);
  });

  it('recognises crisis told in images, goodbyes, places lingered at, acts stopped short and harm done with objects', () => {
    expectEach('crisis', [
      "honestly it wouldn't bother me if a lorry took me out tomorrow",
      'I keep standing on the railway platform longer than I need to when the fast trains come through',
      'I had the pills lined up on the table and bottled it at the last minute',
      'my dad keeps telling us he wants to jump from the balcony because of the pain',
      'I hit my bad leg with a hammer when it flares, it deserves it',
      'my belt was round my neck when my son came in',
      "you won't hear from me again after Friday, thanks for trying",
      'I wish the Lord would just carry me home',
      'sometimes I wish I could just disappear',
      "I've been scalding my arm under the hot tap on purpose, hotter each time",
      "I'm not going to be around for the follow up, you can cancel it",
      "my mate posted 'see you on the other side' in the group chat last night and he's not picking up",
    ]);
  });

  it('recognises emergencies described by what no longer works, in dialect and images', () => {
    expectEach('emergency', [
      // A denial's reach ends at a new subject, even right after a body part ("not my leg" denies only the leg).
      'not my leg, my groin is numb',
      // A hedged inability is an inability.
      "I don't think I can feel my bum properly",
      // Socks are no ordinary cause of a foot that will not move (only tight ones of numbness).
      "Can't do my socks because I can't move the ankle. Can't even wiggle",
      'yesterday the tingly bit was my calf, today my whole leg and half the other leg',
      'I can barely lift my foot since this morning',
      'my left knee keeps folding under me since this morning, fell twice',
      'sat on the toilet and it feels like the seat is not there, like I am hovering',
      'I pooped in my sleep and didnt wake up, back is terrible',
      'I took too many of my tramadol, maybe 15, and now I am really drowsy',
      'her mouth drooped on one side and she stopped making sense',
      "I'm 85 and I have not been able to make water since this morning",
      'mi cyaan feel mi batty when mi siddung an mi wet up miself an neva know',
      'two weeks after my discectomy the wound is leaking pus and I have a temperature of 38.6',
    ]);
  });

  it('counts a history of cancer, steroids or injected drugs told as long over only with back pain in the message', () => {
    expectEach('none', [
      "Regarding my form, I ticked 'previous cancer': testicular cancer in 1998, treated, discharged in 2008.",
      'I used to inject drugs in my 20s but have been clean for 15 years. Putting it on the form',
      'Was on steroids for a fortnight for my chest back in 2019, nothing since',
    ]);
    expectEach('urgent', [
      'I had cancer',
      'I had breast cancer in 2015, all clear since, and now this new back pain keeps me up at night',
      'tomo prednisona desde hace años por el lupus y ahora me duele mucho la columna',
      'I inject heroin and my back has been agony for a week',
    ]);
  });

  it('recognises signs of serious disease told by clothes, sleep, chills and accidents, and a pet only as a subject', () => {
    expectEach('urgent', [
      "I've had to take my belt in two notches since the back pain started and I'm not trying to lose weight",
      'I have lost 8 kg in 2 months without dieting, and the back pain is there day and night',
      'the pain wakes me every night and nothing shifts it, not lying, not sitting. Been 5 weeks',
      'teeth chattering under two duvets last night and my back was on fire',
      'drove into a ditch on the farm, seatbelt on, back sore since and getting worse',
    ]);
    expect(outcome(detector.assess('Bent down to pick up the dog, got a massive headache out of nowhere, worst ever'))).to.equal(
      'emergency',
    );
    expect(outcome(detector.assess('My dog has had a fever since Sunday'))).to.equal('none');
    // Every concept of a message-wide rule must stand as a report: "No fever yet" is no fever.
    expect(outcome(detector.assess('Had the steroid injection Monday. The injection site is red and hot. Temp 38.9 tonight'))).to.equal(
      'emergency',
    );
    expect(outcome(detector.assess('Had the steroid injection Monday. The injection site is red and hot. No fever yet'))).to.equal(
      'urgent',
    );
  });

  it('gives the emergency number and the crisis line when crisis words come with an emergency', () => {
    const both = detector.assess("I can't pee since yesterday and honestly I want to end it all");
    expect(both).to.include({ kind: 'escalate', urgency: 'emergency', advice: 'emergencyAndCrisis' });
    const text = fillPlaceholders(rules.escalations.emergencyAndCrisis.text, { emergencyNumber: '911', crisisLine: '988' });
    expect(text).to.match(/^Please call 911 .*988/);
  });

  it('asks the direct question, neither escalating nor clearing, when crisis words come as a joke, a story, or an attempt long ago and over', () => {
    for (const text of [
      'if my mum makes me go to one more appointment during exam week i will actually kms jk',
      'Honestly the parking at your clinic makes me want to die 😂 any tips?',
      'watched a documentary last night about a man who took his own life after years of chronic pain. can I book?',
      'I volunteer on a suicide prevention helpline so I sit for long shifts',
      'My best friend died by suicide in September and it has hit me hard, sorry I missed my session',
      'About 12 years ago I went through a really bad time and tried to end my life. I had great support and have been well for a long time.',
    ]) {
      expect(detector.assess(text), text).to.include({ kind: 'clarify', ruleId: 'crisis-check' });
    }
    // The joke taken back, the thoughts back, or no word that it is over: crisis, as before.
    for (const text of [
      'lol gonna kms if this leg doesnt stop zapping me at 3am. actually not lol. actually thinking about it',
      'I tried to kill myself in 2019 after my first disc surgery failed. This flare-up feels the same and the thoughts are back.',
      'I took an overdose a few years ago',
      'I watched a film about it and now I want to kill myself too',
      'my son killed himself last week and I want to join him',
      'my brother says he will kill himself tonight',
      'my friend is threatening to take her own life',
    ]) {
      expect(detector.assess(text), text).to.include({ kind: 'escalate', urgency: 'crisis' });
    }
  });

  it('joins a word a hyphen splits to hide it ("bla-dder", "un-alive my-self"), and leaves real hyphenated words alone', () => {
    expectOutcome('bla-dder not wor-king, just dri-bbles. back went yday', 'emergency');
    expectOutcome('cant feel my sad-dle area since this morning, numb down th-ere', 'emergency');
    expectOutcome('gonna un-alive my-self this weekend', 'crisis');
    // "weak-ish" keeps its weakness; "x-ray" and "follow-up" are words of their own.
    expectOutcome('my leg has gone weak-ish since yesterday and it is getting worse', 'emergency');
    expectOutcome('had my x-ray and follow-up, all fine, can I book the first session?', 'none');
  });

  it('asks about, rather than escalates, leg weakness the writer ties to pain or disuse or shows to be kept', () => {
    for (const text of [
      'My leg feels a bit weak when the pain flares but I can still walk and climb the stairs fine. Normal?',
      "My leg feels weak when the pain's bad, like I don't want to lean on it. Once the pain calms it's fine.",
      "Tbh the leg is weak because I've been babying it for weeks, I know. Want a plan to build it back up.",
      'my leg feels like a dead weight after a long day but I can still walk normally, just tired',
    ]) {
      expect(outcome(detector.assess(text)), text).to.not.be.oneOf(['emergency', 'urgent', 'crisis']);
    }
    // Weakness with nothing to explain it, or worse each day, stays an emergency.
    expectEach('emergency', ['my leg has gone weak since yesterday and it keeps giving way', 'my leg is getting weaker every day']);
  });

  it('reads a weakness or swelling gone within minutes or overnight, sweats from heat or a film, and a gym loss of weight as ordinary', () => {
    expectEach('none', [
      'The hamstring stretch made my leg feel weak and wobbly for a few minutes, then it was completely fine.',
      'I get cold sweats when I watch horror films, does that count as night sweats for the form?',
      "It's 30 degrees at night in this heatwave and I'm sweating buckets in bed. Ice or heat for my back?",
      "Weight's down 5kg since I started the gym in January, going well",
    ]);
    expectOutcome('I have been sweating through the sheets every night for a month and my back aches constantly, I am 61', 'urgent');
  });

  it('asks, rather than escalates, about affairs put in order or things given away with an ordinary reason beside them', () => {
    for (const text of [
      "I'm putting my affairs in order for the move, so I might miss a week. Is that ok?",
      'Finally got my affairs in order, mortgage sorted and holiday to Crete booked! Tips for the flight?',
      'Gave away all my old trainers today, finally getting new proper ones like you said! Which brand?',
    ]) {
      expect(outcome(detector.assess(text)), text).to.not.be.oneOf(['emergency', 'urgent', 'crisis']);
    }
    expectOutcome('I have put my affairs in order and given my things away. I will not need them where I am going.', 'crisis');
  });

  it('reads an ellipsis as a pause in the sentence, not its end', () => {
    expectEach('emergency', [
      'my bladder just... doesnt do anything? i push and nothing comes. back pain 8/10',
      'Bladder just... does not do anything anymore, started after my back went on Thursday',
    ]);
    expectOutcome("I'm on chemo for my cat... joking, my cat is on steroids for her skin. Can I book a physio?", 'none');
  });

  it("reads 'my 4 yo' as a young child, and a condition 'nothing's changed' with since the teens as lifelong", () => {
    expectOutcome("My 4 yo wet the bed last night, so I'm running on no sleep. Can I come in the afternoon?", 'none');
    expectOutcome("I've had type 1 diabetes since I was 6, numb toes on both feet for a long time from that, nothing's changed.", 'none');
    expect(
      outcome(detector.assess("I've had an overactive bladder since my teens, on Betmiga for it, nothing's changed in years.")),
      'lifelong',
    ).to.not.be.oneOf(['emergency', 'urgent']);
    // The first time in an adult life is new.
    expectOutcome('I wet the bed last night for the first time in my whole adult life, no idea why, back still bad.', 'emergency');
  });

  it("reads self-harm told as an act on the writer's own body (biting, a knife or razor taken to it, stamping until numb) as crisis", () => {
    expectEach('crisis', [
      'I bite my hand till it bleeds when the nerve pain shoots. Kids have noticed the marks.',
      'Had a really bad weekend mentally - took a knife to my thigh on Saturday. I am OK now. Bridges at 3x10?',
      'Got a bit carried away with the razor last night. Can I still do the exercises with bandages on?',
      'Been stamping on my own foot until I cannot feel it, so the sciatica goes quiet for a minute',
    ]);
    // Pain told as a blade or a stab is no act of the writer's.
    expectOutcome("feels like someone's stabbing my bum with a knitting needle haha, normal sciatica right?", 'none');
  });

  it("reads 'not the usual' as new and 'won't go' or 'won't shift' as lasting, not as denials", () => {
    expectEach('emergency', [
      'the back of my lower leg is tight and hot and swollen, not the usual nerve pain. had a long car journey on Sunday',
      "Calf cramp that won't go, it's warm and swollen and the skin's gone reddish. Just back from Australia.",
    ]);
    expectOutcome("I've had a cough that won't go for 2 months, lost weight, and now my back really aches at night. 74, smoker.", 'urgent');
    // A sign denied still is.
    expectOutcome('my calf is not swollen or hot, just achy after the long drive', 'none');
  });

  it("reads 'not coming back' as the writer's going only with the writer as its subject, not a feeling's or the sciatica's", () => {
    expectEach('emergency', [
      "my groin went numb about an hour ago and it's not coming back. back pain is horrendous",
      'My left leg went dead when I stood up and it has not come back. 20 min now. cant walk',
      'Bowels just went on their own this morning. 52, sciatica flare for 5 days',
    ]);
    expectOutcome("I'm training for a triathlon and want to make sure my sciatica doesn't come back. Prevention programme?", 'none');
    expectEach('crisis', ['I am going to the cliffs tonight and I am not coming back', 'I just want to go to sleep and not come back']);
  });

  it('reads a sign that names questions, a page or a screen ("the cauda equina questions", "a wee question") as no report', () => {
    expectEach('none', [
      "The GP asked me all the cauda equina questions and I'm clear on all of them. She said to see a physio.",
      'Wee question, is it alright to take ibuprofen and paracetamol together for the leg pain?',
    ]);
    expectOutcome('I think I have cauda equina, I cannot feel my bum', 'emergency');
  });

  it('asks, rather than escalates, about an attempt whose time opens the sentence and that the writer tells is over', () => {
    expectOutcome(
      "Years ago (2008) I went through a really dark patch and attempted suicide. I've had therapy, I'm in a good place now.",
      'clarify',
    );
    expectEach('crisis', [
      'I attempted suicide last week and I still feel the same',
      'Years ago I attempted suicide and now the thoughts are back',
    ]);
  });

  it('reads passive wishes to be dead told as existing, tomorrows, or the world going on without the writer as crisis', () => {
    expectEach('crisis', [
      "not trying to be dramatic but i'm so done with existing",
      'Some days I would rather not exist than feel this. Can I still book for Thursday?',
      "Can't face tomorrow or any more tomorrows",
      'kinda feel like the world would keep spinning fine without me. whatever',
      'sometimes i hope the pain just kills me and gets it over with',
    ]);
    expectOutcome('I hope the pain eases before my holiday so I can enjoy it', 'none');
  });

  it('reads a known aneurysm anywhere in the message with sudden pain or shock signs, and embarrassed saddle words, as emergencies', () => {
    expectEach('emergency', [
      "My dad has had an aneurysm being watched for years. Now he says he's got sudden bad back pain that's different, he's pale and sweaty.",
      'Dad (78) is grey and sweating with sudden terrible pain in his tummy going through to his back. He had a AAA scan last year.',
      "my taint is numb lol sorry idk what else to call it. leg pain's worse too",
      'Pins and needles in my pubic area and around my balls since I woke up. I have a herniated disc at L4-5',
    ]);
    expectOutcome('I have a small aneurysm they check every year, all stable. Can I do the core exercises?', 'none');
  });

  it('reads coming off or cutting down a painkiller, and asking how much is safe, as no crisis', () => {
    expectEach('none', [
      'Just to let you know I have been cutting down on the co-codamol like we discussed, and I feel clearer headed.',
      "Took my last tramadol today and I'm going to try to go without from now on. Feels good",
      "I'm weaning myself off the amitriptyline, my GP agreed the plan. Will the pain come back?",
      'The label has rubbed off my pregabalin box - how many am I supposed to take a day?',
    ]);
    expectEach('crisis', [
      'I have been saving my tramadol instead of taking it, so I have enough to end it',
      'took all my tramadol at once an hour ago on purpose',
      // A medicine cut down explains the medicine, never a plan or a stockpile told beside it.
      "I'm going to come off my meds and save them all up to take at once",
      'coming off my tablets so I can stockpile enough to end it',
      'weaning off the tramadol but keeping a stash in case I decide to end it all',
    ]);
  });

  it('reads preparation words about ordinary things as no report: stockpiling heat pads, a note for the boss', () => {
    expectEach('none', [
      'stockpiled heat pads for the winter, they are the only thing that helps',
      "I wrote a note for my boss explaining why I'm off, do you do sick notes?",
      'said goodbye to my old physio, switching over to you',
    ]);
    expectEach('crisis', ["I've been stockpiling my tablets", 'I wrote a note for my kids and put it in the drawer']);
  });

  it('reads family history, first-aid training and stories told about others as no report, but not a carer reporting now', () => {
    expectEach('none', [
      'Updating my family history: my dad had a heart attack at 70, my mum has diabetes. I am 41.',
      'Doing a first aid course at work on stroke signs and heart attacks, may be late for my 4pm',
    ]);
    expectEach('emergency', ["I'm her carer and since yesterday she has been wetting herself without knowing"]);
    // "Fat" swells only a calf or a leg: "a bit fat and out of breath on the stairs" is no clot.
    expect(outcome(detector.assess("I'm a bit fat and get out of breath on the stairs"))).to.not.equal('emergency');
    // This round's image words need their image: hair gone thin, a hole in a sock, painted toenails are none.
    expectEach('none', [
      'my hair has gone thin this year',
      "there's a new hole in my sock",
      'toenails painted on my left foot for the wedding',
    ]);
  });

  it('reads ordinary reasons, plays, classes and risk talk as no report', () => {
    for (const text of [
      'Bought a resistance band and some climbing rope for my physio exercises at home, is that the right kind of thing?',
      'I took all my tablets this morning like you said, morning and evening doses. Feeling better',
      'Our drama group is putting on a play about a man with chronic pain who considers ending his life',
      'Finally decided to end it with my chiropractor, he was useless, so I would like to book with your team instead',
      "Blood clot risk - my GP said I'm low risk for the flight. Do you agree?",
      "Hubby's got a fever and chills, flu I think, so I'll skip tomorrow. My back's fine-ish.",
    ]) {
      expect(detector.assess(text).kind, text).to.not.equal('escalate');
    }
  });

  it('needs no call for someone already in hospital, and lets the net lean only on warning words that count where they stand', () => {
    expect(outcome(detector.assess('my mum has been admitted with a stroke, I need to reschedule Monday'))).to.equal('none');
    expect(detector.assess('my mum is having a stroke, her face is drooping')).to.include({ urgency: 'emergency', aboutSomeoneElse: true });
    for (const text of [
      'My mouth is still numb from the dentist so I might sound weird on the phone call, heads up!',
      'The doctor said my leg might feel numb for a few hours after the injection and it did, it is all back to normal now. Thanks!',
    ]) {
      expect(detector.assess(text).kind, text).to.not.equal('escalate');
    }
  });

  it('recognises signs of serious disease in lay words: an assault, bones like chalk, a breast lump treated, a loose ring, a sweated bed', () => {
    expectEach('urgent', [
      "I was mugged last week and kicked in the back a few times. The back pain won't settle. 30.",
      "I'm 82 and my bones are like chalk according to the scan. I sneezed yesterday and something went in my back",
      'Had the breast thing 6 years ago, all clear since. This back pain came out of nowhere 3 weeks ago',
      'I had the lump in my breast treated five years ago. My back started to ache three weeks back for no reason',
      'my wedding ring is loose and my work trousers need a belt now, not trying at all. back wakes me every night. 56',
      "My back's been aching like never before and I've been sweating the bed through at night. 78",
    ]);
  });

  it('lets the net doubt an emergency or urgent finding it is all but sure holds no risk, never a crisis one, and never a report', () => {
    // Settings no context list describes (spent writers' lines): the rules complete; the net, without the doubt
    // setting, lets their finding stand.
    const undoubting = new RedFlagDetector({ ...rules, classifier: rules.classifier && { ...rules.classifier, doubtBelow: undefined } });
    for (const [text, urgency] of [
      ['Im having a heart attack at the price of parking in your car park 😤 is there somewhere cheaper nearby?', 'emergency'],
      ["The doc said my osteoporosis is mild and I've had no fractures. Is Pilates safe?", 'urgent'],
    ]) {
      expect(outcome(undoubting.assess(text)), text).to.equal(urgency);
      expect(outcome(detector.assess(text)), text).to.equal('none');
    }
    // A crisis finding stands even where the net is as sure (a false alarm kept on purpose: a missed crisis costs more).
    expectOutcome(
      "I sometimes say I'd rather be dead than have this pain forever, but that's just a figure of speech, I'm not actually going to do anything! My wife told me to clarify 😅 I'm fine, just frustrated.",
      'crisis',
    );
    // A warning sign's words still keep the sales pitch away.
    const doubted = detector.assess(
      'Im having a heart attack at the price of parking in your car park 😤 is there somewhere cheaper nearby?',
    );
    expect(doubted.kind === 'clear' && doubted.riskConcepts).to.include('namedEmergency');
    // The same words reported, with an appointment or a joke beside them, still escalate.
    expectEach('emergency', [
      'I wet myself twice today without noticing, can I still come to my appointment tomorrow?',
      'lol I cant feel my bits since this morning, is that normal with sciatica? booked for friday',
      'my legs both went weak on the stairs and I fell, im ok though, can I still do my stretches?',
    ]);
  });

  it('keeps a warning sign that no rule completes as a risk word, so no sales pitch follows it', () => {
    // Not a clarify concept and no rule fires: only the data's warningSign flag keeps the pitch away.
    const cases: Array<[string, string]> = [
      ['what is cauda equina', 'namedEmergency'],
      ['my sister has a fever', 'fever'],
      ['no chest pain at all', 'chestPain'],
    ];
    for (const [text, concept] of cases) {
      const a = detector.assess(text);
      expect(a.kind, text).to.equal('clear');
      expect(a.kind === 'clear' ? a.riskConcepts : [], text).to.include(concept);
      expect(carriesRisk(a), text).to.equal(true);
    }
    const ordinary = detector.assess('how long does sciatica take to heal');
    expect(carriesRisk(ordinary)).to.equal(false);
  });

  it('withholds the booking pitch from a veiled crisis word no rule completes (a large supply, a high window)', () => {
    // Neither a warning sign nor a clarify concept: the data's withholdsPitch flag keeps the pitch away.
    const cases: Array<[string, string]> = [
      ['could I have a bigger prescription this time, a good supply to keep at home', 'bigSupply'],
      ['I sit by the window on the 8th floor at work most days', 'dangerPlace'],
    ];
    for (const [text, concept] of cases) {
      const a = detector.assess(text);
      expect(a.kind, text).to.equal('clear');
      expect(a.kind === 'clear' ? a.riskConcepts : [], text).to.include(concept);
      expect(carriesRisk(a), text).to.equal(true);
    }
  });

  it('withholds the booking pitch from an ending hinted at, and from an emergency named whole but set aside as a question', () => {
    for (const text of [
      "won't need the physio for long. in any sense.",
      'third time lucky, as they say',
      'how long does it take to drown',
      "is it safe to use a hot water bottle if I also can't feel my genitals?",
      "I'm a nurse so I know all the red flags and I've got perineal numbness, can I still come Tuesday",
    ])
      expect(carriesRisk(detector.assess(text)), text).to.equal(true);
    // Ordinary goodbyes and idioms keep it.
    for (const text of ["It's been a pleasure, really", 'drowning in paperwork at work this week'])
      expect(carriesRisk(detector.assess(text)), text).to.equal(false);
  });

  it('fires each rule on its own examples from the data file', () => {
    for (const rule of rules.rules) {
      for (const example of rule.examples ?? []) {
        expect(flagsOf(example), `${rule.id}: ${example}`).to.include(rule.id);
      }
    }
  });

  // How long these take is measured by `npm run bench` (hostile input), not here.
  it('checks a 200,000-character message in full', () => {
    const filler = 'my leg hurts when I sit at my desk, no numbness in my groin and no bladder problems. '.repeat(2400);
    expect(outcome(detector.assess(`${filler.slice(0, 200_000 - 40)} and now I wet myself`))).to.equal('emergency');
    expect(outcome(detector.assess(`${'numb both cant my leg '.repeat(9100)}`))).to.equal('none');
    expect(outcome(detector.assess(`${'a'.repeat(199_980)} i cant pee`))).to.equal('emergency');
  });

  it('reads a question about what a means would take to kill as crisis, not an ordinary dose question', () => {
    expectEach('crisis', [
      'how long would it take to die from a box of co-codamol',
      'could you die from taking all your tramadol at once?',
      'what height of multi storey would be fatal, asking for reasons',
      'how long does it take to bleed out',
    ]);
    expectEach('none', [
      'My grandad died of a stroke at 80, does that matter for my back?',
      "I'm going to die of boredom doing these stretches lol",
    ]);
  });

  it('reads numbness from sitting or the cold that comes back once it ends as ordinary, not saddle or both-leg numbness', () => {
    expectEach('none', [
      'my backside goes numb on the tractor seat after a few hours, comes back when I climb down',
      'both feet go numb in the freezing weather on my rounds but they warm up once I am inside',
    ]);
    expectEach('emergency', ['my backside has gone numb since this morning and it is not coming back']);
  });

  it('reads cutting back or down and a supply teacher as no crisis; Spanish overdoses and self-harm as crisis', () => {
    expectEach('none', [
      'been cutting down on the codeine as the pharmacist said',
      'started cutting back on the gym while my leg settles',
      'doing supply work at a primary school, lots of standing',
    ]);
    expectEach('crisis', ['mi hermana se está cortando otra vez, lo vi anoche', 'me acabo de tomar todas mis pastillas y tengo sueño']);
  });

  it("reads 'my whole bottle' taken as an attempt now, a fist until it goes numb as self-harm, a gun in the lap as preparation, and a child teased who wishes he was dead as crisis", () => {
    expect(detector.assess('just took my whole packet of naproxen, feeling sick')).to.include({ kind: 'escalate', urgency: 'crisis' });
    expectEach('crisis', [
      'I punch my thigh with my fist until it goes numb when the sciatica flares',
      'I sat up last night with the gun in my lap again',
      'my daughter says she wishes she was dead because the girls laughed at her brace',
    ]);
    expectEach('none', ['do I have to finish the whole packet of antibiotics if I feel better?']);
  });

  it('reads a calf that has swelled up and gone purplish, or a leg fatter than the other told in a long sentence, as a clot (emergency); a sea swell is not', () => {
    expectEach('emergency', [
      "my calf has swelled up and gone a purplish colour, I'm 8 days after my knee op",
      'my lower leg has swelled up and turned purple',
    ]);
    // The net knew this one; the rule now reads the whole sentence too.
    expect(flagsOf('my left leg is noticeably fatter than the other one below the knee and now it has gone red')).to.include('dvt-signs');
    expectEach('none', ['missing the big swells this autumn because of my leg, when can I surf again?']);
  });

  it("reads 'nothing numb down there' and 'nada de problemas con la vejiga' as denials, and sport drills, cutting weight or Dry January as ordinary", () => {
    expectEach('none', [
      'wees fine, nothing numb in my saddle area, only the usual leg pain',
      'bowels normal, nothing numb round my bum or privates, just sciatica',
      'nada de problemas con la vejiga, solo el dolor de la pierna',
      'coach had us doing suicide drills all session, back survived fine',
      'cutting weight for my fight on Saturday, lost 5 pounds this week, is the sauna ok for my back?',
      'did Dry January and lost half a stone, back feels better for it',
    ]);
    expectEach('emergency', ['I push to wee and nothing, and my saddle area is numb']);
  });

  it("reads someone else's self-harm, a wish to be dead put first, slang spellings and notes 'for whoever finds me' as crisis; a cut while cooking or shaving is an accident", () => {
    expectEach('crisis', [
      'my brother keeps burning himself with a lighter, I found the marks on his arm',
      'mi hija me dice que quiere morirse, no sé qué hacer',
      'being dead would be better than another year of this',
      'feeling kinda sewerslidal tbh',
      "I've left a letter on the table for whoever finds me",
    ]);
    expectEach('none', [
      'I cut myself peeling potatoes, only a nick, see you at 3',
      'he burnt himself on the barbecue, so we might be late',
    ]);
  });

  it("reads 'never had back trouble in my life' beside an age at risk as new back pain, and clinical shorthand, loose clothes and pain no movement changes as urgent", () => {
    expectEach('urgent', [
      "I'm 70 and never had back trouble in my life, this started a fortnight ago",
      '64F, no previous back problems, new LBP for 3 weeks',
      'trousers two sizes too big now without dieting, and my back aches',
      'it makes no difference whether I move or keep still, the back pain is the same at night',
    ]);
    expectEach('none', ["I'm 40 and never had back trouble in my life until I started lifting at the new job"]);
  });

  it("reads a bladder that does nothing at the urinal, an urge that never comes, and 'been like that since I woke up' (recent, not lifelong) as an emergency", () => {
    expectEach('emergency', [
      'stood at the urinal five minutes and nothing, my back went on Friday',
      'bladder barely trickles when I push, been like that since I woke up',
      'I only get a trickle when I push to pee, been like that since Monday',
    ]);
    // The net knew this one already; the rule now reads it too, so it no longer rests on the net alone.
    expect(flagsOf('I do not feel like I need to go at all today even after a pint of water, back is sore')).to.include(
      'urinary-retention',
    );
    expectEach('none', ['I have to strain to pee, been like that since I was a child, the urologist knows, my sciatica is the new thing']);
  });

  it('asks about a weak feeling told with the strength kept (heel and toe walking fine) rather than escalating; a failed test or a weak leg alone is an emergency', () => {
    expectEach('clarify', [
      'my right leg feels weak and achy by the evening, but I can do my toes and heels fine when I test it',
      'the leg feels weak on the stairs when it flares but I am walking fine otherwise',
    ]);
    expectEach('emergency', [
      'my right leg has gone weak since yesterday, I tried to stand on my toes on that side and could not',
      'my left leg is weak and I cannot walk normally any more',
    ]);
  });

  it('reads weight lost on a diet, a weight-loss jab or cutting out foods as ordinary, and cutting out foods as no self-harm', () => {
    expectEach('none', [
      'been cutting sugar since the new year and I am a stone lighter, my back feels better for it',
      'on Mounjaro since March, lost 3 stone, does that help sciatica?',
      'lost 9 lbs counting calories, the sciatica is easier when I walk',
      'cutting booze and bread has been great, and the leg pain is down to a 3',
    ]);
    expectEach('urgent', ['I have lost a stone without trying and my back aches at night']);
  });

  it('reads wishing the pain would stop forever, being unafraid of dying, backing out again and counting out pills as crisis', () => {
    expectEach('crisis', [
      'honestly I just want it all to stop forever now',
      "I'm 84 and I've had enough of life, I'm not scared of dying",
      'every night I get as far as the garage and then I chicken out',
      'sat here counting out my pills again, 60 now',
    ]);
    expectEach('none', ['my legs go numb when the dog sleeps on my lap and legs, they wake up when I move him']);
  });

  it('reads assisted dying sought, feeling unsafe, calling the Samaritans and walking into traffic as crisis', () => {
    expectEach('crisis', [
      "mum keeps begging us to help her die, she says she can't take the pain",
      "I've been looking at Switzerland again, the costs and everything",
      "I'm not safe with myself tonight",
      'called the samaritans twice this week and hung up both times',
      'stepped out into traffic on purpose on Monday, a bus braked',
      'I swallowed a full bottle of my tablets last night and feel ok so maybe nothing happened?',
    ]);
  });

  it('reads warning signs asked about for someone else, tests that came back normal and a hangover as no red flag', () => {
    expectEach('none', [
      "I'm a carer: what should I look out for with cauda equina in the people I support?",
      'went to A&E with chest pain in June, all tests normal, they said it was anxiety',
      'pounding headache this morning but I am hungover from the works do',
    ]);
  });

  it('reads a large supply of medicine sought with no need for any after it as crisis by a rule a clinician can read', () => {
    for (const text of [
      "could the GP do me six months' worth of the tramadol in one go? I won't be needing any more after that",
      "can I get a bigger prescription of my diazepam this time, I won't be needing repeats after that",
    ]) {
      expect(flagsOf(text), text).to.include('supply-with-finality');
    }
    expectEach('none', ["can I get two months' worth of naproxen in one go? I'm off to Spain for the winter"]);
  });

  it('reads a fall that left the back alone, a dream and a relative under the urologist as no red flag', () => {
    expectEach('none', [
      'tripped on the kerb on Saturday, grazed both palms, did not hurt my back at all, I am 29',
      'I had a nightmare that I could not feel my legs, woke up and all fine',
      "my husband can't pee properly with his prostate, he's seeing the urologist next week; I'm booking for my sciatica",
    ]);
  });

  it('reads an injury followed by numbness or tingling as an emergency (a possible spinal injury), an old one as no more than it was', () => {
    expectEach('emergency', [
      'came off the quad bike this afternoon and landed on my back, my fingers have gone tingly on both hands',
      'I fell about four metres from the scaffold onto my back and I cannot feel my feet properly',
    ]);
    expectEach('none', ['my leg has been numb in one spot since a car crash in 1998, never changed, new sciatica on the other side']);
  });

  it('reads a blade kept for bad days, a height looked up and knowing what to take as crisis; a recovered goodbye is not escalated', () => {
    expectEach('crisis', [
      'there is a razor blade in my purse for the bad nights',
      'I googled how high the multi storey by the station is',
      "I'm a pharmacist, I know exactly what to take and that frightens me",
    ]);
    // A goodbye with an ordinary reason is asked about, not escalated.
    const goodbye = 'please cancel my last two sessions, I am fully better and back at work, thanks for everything';
    expect(detector.assess(goodbye).kind, goodbye).to.not.equal('escalate');
  });

  it("reads a numb 'rear end', feet 'like blocks of wood', a bladder that 'doesn't do anything', a failed heel walk and tearing pain as emergencies", () => {
    expectEach('emergency', [
      'my rear end and between my legs have gone numb since this morning',
      'both legs feel like blocks of wood from the knee down, worse than yesterday',
      'stood there ages and my bladder just does not do anything',
      'heel walking is impossible on the left since Friday',
      'sudden tearing upper back pain and I feel faint',
    ]);
    expectEach('none', [
      'my glutes are asleep according to the physio, how do I wake them up?',
      "I didn't do anything to it, it just came out of nowhere",
    ]);
  });

  it('reads clinical shorthand from patients who are clinicians, and a leg that was not there with a fall, as emergencies', () => {
    expectEach('emergency', [
      'Physio myself. Acute urinary retention since 6am and some perianal paraesthesia. On my way?',
      'reduced perineal sensation since last night and my sciatica is worse, GP shut',
      'got out of bed and the leg was just not there, I went straight down on the landing',
    ]);
    // "Going to the loo as normal" is no strength going; a head banged in a fall is an injury, not self-harm.
    expectEach('none', ['Update as asked: all normal, going to the loo fine, leg strength the same as last week']);
    expect(flagsOf('tripped on the step and banged my head, my back feels fine though')).to.not.include('self-harm');
  });

  it('reads a serious infection with back pain, clothes falling off and a temperature that will not shift as urgent; weakness put down to pain is asked about', () => {
    expectEach('urgent', [
      'I was treated for endocarditis in the summer and now my lower back is really sore',
      'my jeans are falling off me these days and the back pain is getting worse',
      "can't shake this temp and my back aches all the time",
    ]);
    const explained = 'my leg feels weak because it hurts to put weight on it, getting better though';
    expect(detector.assess(explained).kind, explained).to.not.equal('escalate');
  });

  it("reads death told as better, a child's cuts found, a bridge's height researched and a nappy-shaped numbness as escalations; drills called suicides and steroid eye drops are not", () => {
    expectEach('crisis', [
      "I'd rather be six feet under than spend another year like this",
      'found cuts on his arms last night, he is 15 and has been so low with the back pain',
      'I researched which bridge is highest around here. Not sure why I am telling you',
      'want 2 die, pain 9/10 all week',
    ]);
    expectEach('emergency', ['numb in the shape of a nappy since this afternoon, back killing me']);
    expectEach('none', [
      'coach made us run suicides at training, is that bad for my back?',
      'I use prednisolone eye drops after my cataract op, does that count as steroids on your form?',
    ]);
  });

  it("reads the writer's own report after a general cue when it opens with 'my' and its noun ('…and my leg keeps giving way')", () => {
    expectEach('emergency', [
      'read about saddle numbness in your leaflet and my bum feels numb since this morning',
      'your article mentions red flags, my leg keeps giving way and I fell yesterday',
    ]);
    expectEach('none', ['your article mentions red flags like numbness down below, good to know for the future']);
  });

  it("reads 'if my calf is swollen' in a question as the writer's state; 'if my leg goes numb' stays a question", () => {
    expectEach('emergency', ['is it a sciatica thing if my calf is swollen and hot to touch?']);
    expectEach('none', ['what should I do if my leg goes numb one day?']);
  });

  it('reads not being there for the next appointment with a veiled hint as crisis; a holiday is not', () => {
    expectEach('crisis', [
      "I won't be around for Friday's session, if you know what I mean",
      "don't think I'll make it to the next one. Or any. Sorry",
    ]);
    expectEach('none', ["I won't be around for Friday's session, we're in Devon that week. Can we move it?"]);
  });

  it('reads a general question answered at once by an onset as the writer’s own report; a question alone stays general', () => {
    expectEach('emergency', ['does numbness around the back passage go away by itself? came on this morning']);
    expectEach('none', ['does numbness around the back passage go away by itself? asking for the leaflet we are writing']);
  });

  it("reads a farewell note, a wish to hasten death, someone's overdose taken and a hedged wish not to be here as crisis", () => {
    expectEach('crisis', [
      "I've written a letter to my kids for when I'm gone. Haven't done anything yet.",
      'honestly just waiting to die at this point, might hurry it along',
      'my brother has taken an overdose, he is slurring and I found empty boxes',
      "I'm not going to do anything, I just don't really want to be here any more",
      'I bang my fists into my legs until they are purple, it takes my mind off the nerve pain',
      'going to different pharmacies so they do not notice how many co-codamol I buy',
    ]);
    // Arms bitten in self-harm are no stroke: the crisis advice, not the emergency's alone.
    expect(flagsOf('I bite my arms hard when the pain peaks, there are teeth marks')).to.not.include('stroke-described');
    expectEach('none', [
      'I wrote a note for my teacher explaining why I missed PE, can you sign a letter too?',
      'this pain is killing me, is there anything to speed up the healing?',
    ]);
  });

  it("reads a weight loss whose amount is a day's swing on the scales as no red flag, but not a rate", () => {
    expectEach('none', ['lost a bit of weight with the stress of the move, 2 lbs or so', 'down 1kg since the summer, not sure why']);
    expectEach('urgent', ['losing weight without trying, about 2 lbs a week since the spring', 'lost a stone without trying']);
  });

  it('reads a past told as begun again as a report now, and one that never came back as past', () => {
    expectEach('crisis', [
      "I used to cut myself years ago. It's started again this week.",
      'i used to self harm when i was a teen and now i have started up again',
    ]);
    expectEach('none', ['My leg gave way once last year when I stood up too fast, never again since.']);
  });

  it("reads a fall told as leaving the back as it was as no red flag, by the rule's unlessReported; nerve loss after a fall still counts", () => {
    expectOutcome('slipped on the ice but caught myself on the railing. back is fine', 'none');
    expectOutcome('fell down the stairs last night and now my back is agony right in the middle', 'urgent');
    expectOutcome("fell off a ladder on Saturday, my back is the same as ever but I can't feel my legs properly", 'emergency');
  });

  it("reads the writer's own report after a general cue as a report ('I know the red flags, and I've got…'), a condition as a question", () => {
    expectOutcome("I'm a nurse so I know all the red flags and I've got perineal numbness, can I still come Tuesday", 'emergency');
    expectOutcome('what are the warning signs, and do I have to worry about numbness in my privates', 'none');
    expectOutcome('what are the red flags if i have numbness in my privates', 'none');
  });

  it('reads pain that neither resting nor moving changes as non-mechanical, in any order of positions and no-difference words', () => {
    expectEach('urgent', [
      'Lying, sitting, standing, walking: my back pain is exactly as bad whichever. No difference at all',
      'the ache in my back does not change if i walk about or lie flat on the floor',
      'it stays the same whatever position I get into, the pain in my lower back',
    ]);
    expectEach('none', ['my back pain is worse sitting and eases when I walk', 'is it the same exercise sitting or standing?']);
  });

  it('reads a sentence as its own clause: a thing named at the end of one is not what the next is about', () => {
    // "house" ended the first sentence and shared its clause with the next: the pain was read as the house's.
    expectOutcome(
      'Back pain wakes me at 3am every night without fail and I end up pacing the house. Doesnt matter if I move or rest.',
      'urgent',
    );
  });

  it('reads "in the past few weeks" as lately, not as history', () => {
    expectOutcome('I have lost over a stone without trying in the past couple of months and my back aches', 'urgent');
    expectOutcome('I lost a stone in the past when I was ill, back to normal weight now', 'none');
  });

  it('reads a condition put in the present ("if I\'m currently…") as the writer\'s state, a plain "if" as a question', () => {
    expectOutcome('Can I still come in if I am currently on chemo for bowel cancer? The back pain started last week', 'urgent');
    expectOutcome('Can I still come in if I ever get cancer again?', 'none');
  });

  it('reads a new back pain with no injury at a risk age as urgent, unless it came on after an everyday strain', () => {
    expectEach('urgent', ['I am 63, back pain for 3 weeks, no injury at all', 'first ever episode of back pain at 57']);
    expectOutcome("I'm 66 and my back went after gardening at the weekend, no injury as such", 'none');
  });

  it('reads a maximum dose asked about as a question, and being on it as a failed treatment', () => {
    expectOutcome('what is the maximum dose of naproxen I can take in a day?', 'none');
    expectOutcome("I'm on the max dose of naproxen and co-codamol and it still doesn't touch the pain", 'urgent');
  });

  it("reads 'die of boredom' as an idiom, but not across a sentence's end, and a give-way that never came as none", () => {
    expectOutcome('My sciatica has made me want to die of boredom, any gentle exercises for the sofa?', 'none');
    expectOutcome('I want to die. Of boredom? No. I mean it', 'crisis');
    expectOutcome('The nerve pain was brutal yesterday, felt like my leg was going to give way but it never did.', 'none');
  });

  it('reads TB by its short name as a serious infection with back pain', () => {
    expectOutcome('Recently diagnosed with TB and now my lower back hurts all the time', 'urgent');
  });

  it('reads a general question the writer answers at once as their own as a report', () => {
    expectOutcome("Can sciatica give you night sweats? I've had them for a fortnight along with my back pain.", 'urgent');
    expectOutcome('Can sciatica give you night sweats? Just wondering.', 'none');
  });

  it("reads a past named as the yardstick of something new ('first time since I was a kid') as new", () => {
    expectOutcome('peed in my sleep for the first time since I was a kid. back pain for a week', 'emergency');
    expectOutcome("I've wet the bed since I was a kid, nothing new, the back pain is what I'm here for", 'none');
  });

  it('reads breathlessness, a foot that barely bends up, feeling lost day by day and pain that cannot be eased as their signs', () => {
    expectEach('emergency', [
      'sudden breathlessness this morning and my calf aches',
      'I can barely bend my foot up today, it was fine on Monday',
      'I lose more feeling in my foot every day',
    ]);
    expectOutcome("I'm 72 and have night pain I cannot ease at all", 'urgent');
  });

  it("reads Spanish words as words, not as typos of English concepts ('cancelar' is no 'cancer')", () => {
    expectOutcome('Tengo que cancelar la cita de mañana, mi hija tiene gripe, lo siento', 'none');
    expectOutcome('Necesito cancelar, tengo fiebre de 39 y me duele mucho la espalda', 'urgent');
  });

  it('reads a headache that came on instantly, a few drops after straining, a dive into the shallow end and a death pictured as peaceful', () => {
    expectEach('emergency', [
      "Bent down to tie my shoe and bang, the most horrendous headache instantly. I've been sick twice",
      'Been straining on the toilet all evening and only managed a few drops',
      'dived into the shallow end on holiday and hit my head, now both arms are tingling',
      'Is it normal for sciatica to make you wet yourself? Happened twice this morning, no warning',
    ]);
    expectOutcome('I keep picturing myself not being here and it feels peaceful', 'crisis');
    expectEach('urgent', [
      'Mi mamá tiene 74 años, nunca le dolió la espalda y ahora de repente le duele mucho',
      "I'm 61, back pain started this month and I've never had it before",
    ]);
  });

  it("reads a tumour found benign, and 'going to kill my son' in jest, as no red flag", () => {
    expectOutcome("my tumour was benign and it's been taken out, so just the sciatica now", 'none');
    expectOutcome("I'm going to kill my son, he took the car again 😂", 'none');
  });

  it("reads 'ready to check out of life', night pain no side eases, and a numb seat whose feeling came back", () => {
    expectOutcome('honestly ready to check out of life at this point', 'crisis');
    expectOutcome('the pain wakes me every night, lying on either side or on my back makes no difference', 'urgent');
    expectOutcome('Numb bum after a long bike ride, the feeling came back within an hour of getting off', 'none');
  });

  it('reads going told as a kindness to others, and a parent they would be better without as crisis', () => {
    expectEach('crisis', [
      "some days I think the best thing I could do for my kids is to not be around, they've had enough of me",
      "I'd be doing everyone a favour if I took myself out of the picture",
      'my son would have a far better life without a useless dad like me',
    ]);
    // The same words about ordinary things stay clear.
    expectEach('none', [
      'the kindest thing you can do for your back is keep moving, my GP said',
      'I shave my legs with a razor in the bath, is that ok with the sciatica?',
    ]);
  });

  it("reads a sudden or instant headache with words between ('instant blinding headache'), and a sign asked about then owned ('I've got it')", () => {
    expectEach('emergency', [
      'lifting the shopping I got a sudden splitting headache and I feel sick',
      'sneezed and got an instant crushing headache, never had one like it',
      "Is saddle numbness dangerous? I've got it since this morning",
    ]);
  });

  it("reads a care worker's patients, a charity's name, 'give me a heart attack', an ankle-only fall, a cleared chest pain and Spanish 'me va a matar' as no red flag", () => {
    expectEach('none', [
      "I'm a nurse and I was up all night with a patient who had chest pain, so I'm exhausted. Still ok for Tuesday?",
      "I'm a paramedic and we had two cardiac arrests on my shift, my back aches from the compressions",
      'Doing a sponsored walk for the Stroke Association in May, any tips for my back?',
      "my son's football matches are going to give me a heart attack one day. Anyway can I book Friday?",
      'I fell down a step last week but only twisted my ankle, back is the same as always',
      'had chest pain in the summer, heart tests normal, it was reflux. Now just the sciatica',
      'mi jefe me va a matar si llego tarde otra vez, ¿tienen algo a las 8?',
    ]);
    // The writer's own sign, and a threat to oneself in Spanish, still escalate.
    expectOutcome("I'm a nurse and I have chest pain going down my left arm", 'emergency');
    expectOutcome("I'm a nurse and my patient has chest pain right now, what do I do", 'emergency');
    expectEach('crisis', ['mi hermano dice que se va a matar', 'me voy a matar, ya no aguanto este dolor']);
  });

  it('reads a Spanish double dose with drowsiness, thoracic pain that never lets up, and an old self-harm whose urges are back now', () => {
    expectOutcome('tomé mis pastillas dos veces por error y estoy muy dormido', 'emergency');
    expectOutcome("deep gnawing pain in the middle of my back, it's there all the time, 2 weeks now", 'urgent');
    expectOutcome('I cut myself for years as a teen and the urges are back now', 'crisis');
    expect(flagsOf('I cut myself for years as a teen and the urges are back now')).to.include('self-harm');
  });

  it("reads a horse that fell on the rider as trauma, and 'off colour' at a risk age with new back pain as feeling unwell", () => {
    expectOutcome('my horse fell on me at the weekend and my lower back is bruised and sore', 'urgent');
    expectOutcome("I'm 72, this back ache is new and I've been off colour for weeks", 'urgent');
  });

  it('reads the families sets EI and EK taught: hidden self-harm, affairs put in order, withdrawing with a death foretold, wrong pills, a limp foot, thoracic pain unlike the usual', () => {
    const crisis = [
      "honestly I hope I don't survive the op next month",
      'I keep bruising myself on purpose with the rolling pin',
      'my brother has gone quiet for days and sent me his bank passwords just in case',
      'I stab my leg with a compass so the nerve pain feels further away',
      "don't bother booking me in, I'll be dead by then",
      'the cat has somewhere to go now, that was the last thing to sort',
      'my son has been hurting himself, I found razors in his school bag',
    ];
    const emergency = [
      "took the wrong tablets by mistake, my wife's oxycodone, and I'm very drowsy now",
      'my foot has gone completely limp since this morning',
      "my toes just point down and I can't pull them up",
    ];
    const urgent = [
      'PWID, lower back agony and spiking temps since Sunday',
      "my grandad is 84, he's been off his food and his back has started hurting",
      'rolled my car last week, thought I was fine but my back is getting worse',
      'aching between my shoulder blades that wraps round my ribs, not my usual back pain',
    ];
    expectEachByRule('crisis', crisis);
    expectEachByRule('emergency', emergency);
    expectEachByRule('urgent', urgent);
    // The same words used safely stay clear.
    expectEach('none', [
      "I'll be dead by the time the NHS sees me lol",
      'took the wrong bus and walked miles, so drowsy now',
      "I hope my old car doesn't survive the MOT",
      'the GP checked me over this morning for cauda equina, sensation down there normal, bladder scan fine',
      'lost 6lbs since I stopped drinking beer, back is the same',
    ]);
  });

  it('reads the families sets EL and EM taught: prayers to be taken, Pidgin and clinical shorthand for ideation, a last apology, withdrawing, lost heel standing, a double dose with odd breathing', () => {
    const crisis = [
      'my grandad says he prays God takes him every night, the pain is that bad',
      'I dey feel like make I die, this back pain no dey stop',
      'passive SI most days for months, worse this week',
      "tell my husband I'm sorry, I can't do this any more",
      "why would I book the follow up, I won't be around for it",
      "what's the kindest way to go without hurting anyone",
    ];
    const emergency = [
      'I cannot stand on my heels at all now, on my heels is impossible since yesterday',
      'the saddle area feels like it is made of rubber',
      'doubled up my tramadol by mistake and now I am struggling to stay awake',
      'Can sciatica make you wet yourself without feeling it? Asking for myself, it happened this morning',
    ];
    const urgent = [
      'my mum is 77, back pain for two weeks, very weak and not eating',
      'abeg I dey feel cold and hot and my back dey pain me',
    ];
    expectEachByRule('crisis', crisis);
    expectEachByRule('emergency', emergency);
    expectEachByRule('urgent', urgent);
    // Weight lost with nothing changed is unexplained, not "unchanged".
    expectOutcome("I've lost a stone since the summer and I haven't changed anything", 'urgent');
    expectEach('none', [
      'Had flu with a fever in October, all recovered. The back started when I moved house',
      'En urgencias descartaron la cauda equina, es una hernia, me mandan al fisio',
    ]);
  });

  it('reads the families sets EP and EQ taught: affairs sorted while withdrawing, words carved in, a helpline asked for, means bought, a double dose given by two carers, a prang, thoracic pain like a band, feeling gone wooden', () => {
    const crisis = [
      "please stop sending me the reminders, I won't be needing them, I'm sorting out my affairs",
      'I keep carving words into my arm with a compass',
      "what's the number for the samaritans, I think I might do something stupid",
      "I'd be better off in the ground, honestly",
      'bought a disposable bbq and tape, the woods are quiet on weekdays',
      'sometimes I wish this was cancer so it would all just be over',
    ];
    const emergency = [
      'the carer gave mum her tramadol and then I gave it to her again, she is very drowsy and her breathing is slow',
      "I can't feel much around my bottom, it's all gone a bit wooden since yesterday",
    ];
    const urgent = [
      'had a prang on Friday, a van ran into the back of me and my back has been bad since',
      'pain in the middle of my back going round to the front like a band, two weeks, no injury',
    ];
    expectEachByRule('crisis', crisis);
    expectEachByRule('emergency', emergency);
    expectEachByRule('urgent', urgent);
    expectEach('none', ["I've had a weak ankle since I broke it at school, it is no different now. Just the sciatica is new"]);
  });

  it('reads the families set EO taught: numbness that goes as soon as the writer stands, a chest pain cleared by tests, suicide watch as a job, a burden soon gone, a child scratching with a compass, a farm or road accident', () => {
    expectEach('none', [
      'my backside goes numb on the combine after a few hours but it goes as soon as I get down and stretch',
      'had chest pain checked on Monday, ECG and bloods normal, muscular they said. Now just the sciatica',
      'I do suicide watch rounds as a prison officer, long shifts on my feet. Back is sore',
    ]);
    const crisis = [
      "don't worry, I won't be a problem for anyone much longer",
      'my daughter has been scratching her arms with a compass, I found it with blood on it',
    ];
    const urgent = [
      'got knocked over by a bullock this morning and landed back first on the rails',
      'I was in an okada accident last week and my back is very painful',
    ];
    expectEachByRule('crisis', crisis);
    expectEachByRule('urgent', urgent);
    expectOutcome('Is loss of sensation in the saddle normal with a disc? Started today. Also some urinary hesitancy.', 'emergency');
  });

  it("reads the families set ER taught: burning one's hated body, doses repeated because the first were forgotten, tingling that has mostly gone", () => {
    expectEachByRule('crisis', ['I hate my body, I burn it with a lighter most nights']);
    expectEachByRule('emergency', ['took my codeine then two more because I forgot I had had them, now I keep nodding off']);
    expectOutcome("the pins and needles in my foot have mostly gone, now it's just the odd twinge in my calf", 'none');
  });

  it('reads the families sets EW and EY taught: relief at a terminal diagnosis, hoping the heart stops, fading away without food, a strangling stopped; a ward nurse\'s catheters, potty training; and pain "now, right between" the shoulder blades is no second leg', () => {
    const crisis = [
      "I'm not suicidal but a terminal diagnosis would honestly be a relief",
      'every night I lie there hoping my heart just stops',
      "I've stopped eating and drinking to see if I just fade away",
      'I tried to strangle myself on Sunday and stopped when it went dark',
      'I keep waking up disappointed that I did',
    ];
    for (const text of crisis) {
      expect(readByRule(text), text).to.equal(true);
      expect(
        flagsOf(text).some((flag) =>
          ['wish-to-be-dead', 'wish-to-be-dead-described', 'suicidal-thoughts', 'suicide-attempt'].includes(flag),
        ),
        text,
      ).to.equal(true);
    }
    expectOutcome('doubled up on my pills by mistake and now I feel really woozy, hard to keep my eyes open', 'emergency');
    expectOutcome('got stood on in a ruck at rugby, back is agony', 'urgent');
    expectEach('none', [
      "I'm a nurse, catheters and continence pads all shift, and my back is wrecked",
      'the twins are potty training so there is wee everywhere and I am on my knees cleaning',
    ]);
    // "Now, right between the shoulder blades" is upper back pain (urgent as it does not change), not both legs.
    expect(flagsOf("Upper back pain now, right between the shoulder blades, doesn't change with moving.")).to.not.include(
      'bilateral-sciatica',
    );
    expectOutcome('sciatica in my left leg, and now right one hurts as well', 'emergency');
  });

  it('reads the families sets FA, FB and FC taught: SHing, an attempt stopped by someone, not existing, a fall meant to break something; wrong doses that sedate, Spanish saddle and wiping words, leaking into pull-ups, wiping through a glove, a wound that opened', () => {
    const crisis = [
      'been SHing again, arms this time',
      'I tried to step in front of a train on Friday but someone pulled me back',
      'my sister stopped me halfway through taking them',
      'maybe I just should not exist',
      'the world would be a better place without me tbh',
      'jumped off a wall on purpose hoping to break something',
    ];
    const emergency = [
      'my grandson took a strip of my tramadol thinking they were sweets, he is hard to wake',
      'mum took 5 of her oxycodone instead of 2 and we can barely wake her',
      'se me duerme la cola y la entrepierna desde ayer',
      'wiped and it felt like wiping through a glove',
      'having to wear pull ups because I keep leaking since my back went',
    ];
    const urgent = [
      'after my spinal surgery the wound has opened and there is a funny smell',
      'thoracic pain that will not stop, deep in the bone',
    ];
    expectEachByRule('crisis', crisis);
    expectEachByRule('emergency', emergency);
    expectEachByRule('urgent', urgent);
    expectEach('none', [
      'overdosed on Netflix all weekend, my back is stiff',
      'se me duerme el culo en la silla del trabajo pero se me pasa en cuanto me levanto',
    ]);
  });

  it('reads the families sets FE and FF taught: no point in me, paracetamol from several shops, a pillow over the face, driving off the road, a patch left on under a new one, weight "gone", clothes looser, thrown or kicked', () => {
    const crisis = [
      "what's the point in me, honestly",
      'got paracetamol from four different shops this week',
      'I keep holding a pillow over my face to see what it is like',
      'thinking about driving off the road on the motorway tonight',
    ];
    const emergency = ["dad's new fentanyl patch went on without taking the old one off and he is very drowsy"];
    const urgent = [
      'a stone gone since spring without trying and my back aches every night',
      "I'm 58, new back pain, always tired and my clothes are looser",
      'thrown from a horse on Saturday, back is sore',
      'got a kicking outside the pub and my back is agony',
    ];
    expectEachByRule('crisis', crisis);
    expectEachByRule('emergency', emergency);
    expectEachByRule('urgent', urgent);
    // Said in jest, then taken back: "I'm being serious" makes it count.
    expectOutcome('lol the pain makes me want to die. no actually I am being serious, I want to die', 'crisis');
  });

  it("reads the families set FT taught: a foot that will not point up, a child given an adult's tablets and floppy, a sense of doom with sweating, a stash of blades, hours at the station watching trains; weight lost 'on purpose' after surgery, 'ready to go it alone' and a programme watched are not", () => {
    expectEachByRule('emergency', [
      "my foot feels asleep all the time and I can't point it upwards, dragging it",
      "accidentally gave my 4 year old my naproxen instead of calpol and he's very floppy now",
      'back pain with indigestion type pain, sweating and a feeling of doom, 58 and diabetic',
    ]);
    expectEachByRule('crisis', [
      'i keep cutting, got a stash of blades in my drawer',
      'spent the evening at the station watching the fast trains go through',
    ]);
    expectEach('none', [
      'Lost a lot of weight after my bypass (on purpose!) and my back aches from the gym',
      "last session next week? I think I'm ready to go it alone!",
      'Watched a programme about foot drop and got paranoid, but my foot lifts fine and I can walk on my heels',
    ]);
  });

  it('reads the families set FU taught: both legs now, tingling round the front, self-harm hidden under sleeves, dying easier than living, what a dose would do; a steroid cream and an A&E nurse at work are no red flags', () => {
    expectEachByRule('emergency', [
      "is it normal that it's both legs now? last week only the left",
      'tingling in my bum and around my front now as well as my leg',
    ]);
    expectEachByRule('crisis', [
      'wore long sleeves to work to hide what I did to my arms',
      'dying seems easier than living with this pain',
      'googled what happens if you take 40 paracetamol',
    ]);
    expectEach('none', [
      "I'm on steroids but it's just a cream for my psoriasis",
      "I'm an A&E nurse, we see cauda equina now and then, mine is just piriformis",
    ]);
  });

  it("reads the families set FQ taught: 'idw' (I don't want), a beam tested for my weight, two patches and out of it, body hotness, a taxi accident; a numb bum fine as soon as I walk, and leaks since babies, are not new", () => {
    expectEach('crisis', ['idw be alive anymore']);
    expectEachByRule('crisis', ['tested whether the beam in the garage would hold my weight']);
    expectEachByRule('emergency', ['put two of my fentanyl patches on by mistake, really out of it']);
    expectEachByRule('urgent', [
      'I have body hotness and cold with this waist pain for 3 days',
      'was in a taxi accident on Monday and my back pain is very serious since',
    ]);
    expectEach('none', [
      'my bum goes numb on long drives, totally fine as soon as I get out and walk',
      'always nearly pee myself on the trampoline since I had babies',
      "2018 I had a bladder problem after childbirth, all fixed with pelvic floor physio. Just mentioning in case it's relevant to my sciatica history.",
    ]);
  });

  it('reads the families sets FL and FM taught: thoracic pain getting worse, unrelated to moving or like a band; a double dose with sedation; self-harm with pliers; a knife held and thought about', () => {
    const urgent = [
      'sharp pain between my shoulder blades, in the spine itself, for a month now and getting worse',
      'ache in my mid back, not related to moving, there for 2 weeks',
      'pain in my upper back, feels like a tight band squeezing',
    ];
    const emergency = [
      "mum took her oramorph twice by mistake, she's snoring weird and won't wake up properly",
      "took my gabapentin twice by mistake and now I'm seeing double",
    ];
    const crisis = [
      "pinching my skin with pliers till it bruised, don't judge me",
      'me volví a cortar los brazos anoche',
      'some nights I hold the knife and think about it',
    ];
    expectEachByRule('urgent', urgent);
    expectEachByRule('emergency', emergency);
    expectEachByRule('crisis', crisis);
    // A nurse changing nappies at work, cauda equina ruled out by the GP, and idioms are no red flags.
    expectEach('none', [
      'Soy enfermera y cambio pañales a los residentes, me duele la espalda',
      'the GP descartó cauda equina, orino bien y siento todo',
      'dragging myself to the office with this leg all week',
      "Me ma says I've a face on me like a slapped arse since the sciatica started. She's not wrong. Any slots next week?",
    ]);
  });

  it("reads consent after a death wished for as a wish, not as a denial: 'fine by me' is no 'bladder is fine'", () => {
    expectEachByRule('crisis', [
      "if I don't wake up tomorrow that's fine by me",
      'if i dont wake up thats ok with me',
      'honestly if the cancer comes back and takes me im fine with that',
    ]);
    // A bare "fine" after a sign still denies it, and a booking said "fine with me" gets its pitch.
    expectOutcome('bladder and bowels fine, just sciatica down one leg', 'none');
    expect(carriesRisk(detector.assess('Tuesday at 10 is fine with me'))).to.equal(false);
  });

  it('reads snoring strangely after too many tablets as sedation, not an ordinary cause of tiredness', () => {
    expectOutcome(
      "took extra of my gabapentin and diazepam, didn't mean to take that many. My wife says I was snoring really strangely and she could not wake me properly, still so drowsy",
      'emergency',
    );
  });

  it("reads 'ngl' (not gonna lie) as no denial", () => {
    expectOutcome('ngl sewerslide is looking pretty good rn', 'crisis');
    expectOutcome("not gonna lie, I can't feel my bum when I wipe since this morning", 'emergency');
  });

  it('gives the crisis line beside an emergency when the crisis is told only in words the net reads', () => {
    const assessment = detector.assess(
      "Typing this on the edge of the car park roof. Can't feel my legs from the pain and I can't do it any more",
    );
    expect(assessment.kind === 'escalate' && assessment.advice).to.equal('emergencyAndCrisis');
  });
});

describe('red-flag wording', () => {
  const values = {
    emergencyNumber: '911',
    urgentCareAdvice: 'see a doctor today',
    crisisLine: '988',
    practiceName: 'P',
    practitionerName: 'Dr G',
    clinicPhone: '555',
  };

  it('fills every placeholder, says nobody was alerted and never pitches a booking', () => {
    for (const [urgency, e] of Object.entries(rules.escalations)) {
      for (const text of [e.text, e.reminder, e.callButtonTitle]) expect(fillPlaceholders(text, values), urgency).not.to.match(/[{}]/);
      expect(e.text, urgency).to.match(/cannot alert anyone/);
      expect(`${e.text} ${e.reminder}`, urgency).not.to.match(/book|session|appointment/i);
    }
    expect(fillPlaceholders(rules.escalations.emergency.text, values)).to.match(/call 911.*do not drive/i);
    expect(fillPlaceholders(rules.escalations.crisis.text, values)).to.match(/988.*24\/7/);
  });

  it('asks the emergency screening questions before the urgent ones', () => {
    const order = rules.screening.questions.map((q) => q.urgency);
    expect(order.indexOf('urgent')).to.be.above(order.lastIndexOf('emergency'));
  });
});

describe('loadRedFlagRules', () => {
  /** Writes a changed copy of the rules (with the schema beside it) and returns the load error. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a deliberately broken copy of the file
  // biome-ignore lint/suspicious/noExplicitAny: the test edits an arbitrary field of the raw rules file
  function loadError(change: (data: any) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'red-flags-'));
    copyFileSync(join(KNOWLEDGE, 'red-flags.schema.json'), join(dir, 'red-flags.schema.json'));
    const data = JSON.parse(readFileSync(join(KNOWLEDGE, 'red-flags.json'), 'utf8'));
    change(data);
    writeFileSync(join(dir, 'red-flags.json'), JSON.stringify(data));
    expect(() => loadRedFlagRules(join(dir, 'red-flags.json'))).to.throw(Error);
    try {
      loadRedFlagRules(join(dir, 'red-flags.json'));
    } catch (error) {
      return (error as Error).message;
    }
    return '';
  }

  it('rejects a duplicate rule id, naming the id and the file', () => {
    const message = loadError((d) => {
      d.rules[1].id = d.rules[0].id;
    });
    expect(message)
      .to.match(/red-flags\.json/)
      .and.match(new RegExp(`'${rules.rules[0].id}' field id`))
      .and.match(/duplicate/);
  });

  it('rejects a rule that names an unknown concept, naming the rule and field', () => {
    const message = loadError((d) => {
      d.rules[2].all[0] = ['noSuchConcept'];
    });
    expect(message)
      .to.match(new RegExp(`rule '${rules.rules[2].id}' field all\\[0\\]`))
      .and.match(/unknown concept 'noSuchConcept'/);
  });

  it('rejects a clarify question without its Spanish wording', () => {
    expect(
      loadError((d) => {
        delete d.translations.es.clarify['crisis-check'];
      }),
    ).to.match(/clarify rule 'crisis-check'.*Spanish/);
  });

  it('lists what a clinician has not reviewed yet', () => {
    expect(unreviewed(rules)).to.include(`rule '${rules.rules[0].id}'`);
  });

  it('rejects missing wording and unknown placeholders, naming the field', () => {
    expect(
      loadError((d) => {
        delete d.escalations.crisis;
      }),
    ).to.match(/field escalations: missing field 'crisis'/);
    expect(
      loadError((d) => {
        d.escalations.urgent.text = '';
      }),
    ).to.match(/field escalations\.urgent\.text/);
    expect(
      loadError((d) => {
        d.escalations.emergency.reminder = 'call {emergencyNmuber}';
      }),
    ).to.match(/escalations\.emergency\.reminder.*unknown placeholder/);
  });
});
