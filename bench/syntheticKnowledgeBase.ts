/**
 * Bigger knowledge bases for the benchmark: the real faq.json, then the entries a wider practice would
 * add as it grows — other conditions and body parts, the activities and equipment patients ask about,
 * lifestyle, groups of patients, and clinic logistics (services, prices, insurers, branches, staff).
 *
 * Each new entry is written the way the real FAQ is, with its vocabulary, so it is a near miss for the
 * real questions rather than noise: "does stretching help golfer's elbow", "how long does plantar
 * fasciitis last", "is it safe to drive with a frozen shoulder", "do you accept Bupa for acupuncture".
 * Like a real wider FAQ, every new entry names what it is about (the condition, activity, service or
 * branch) in each of its questions: the generic questions (opening hours, booking, heat or ice) stay
 * with the real entries that answer them. Each has five questions, as the schema asks: a short form
 * like the real titles ("tennis elbow stretching"), then phrasings of the real entries' kinds.
 *
 * Families are taken in turn (one entry of each, then the next of each…), so 1,000 entries sample every
 * family and 10,000 use most of them. Deterministic: no randomness, so runs compare.
 */
import { fillPlaceholders } from '../config/fillPlaceholders';
import type { FaqEntry } from '../faq/FaqEntry';

interface Condition {
  readonly name: string;
  /** Where it hurts, as patients say it ("elbow", "heel"). */
  readonly part: string;
}

/** Other conditions a musculoskeletal practice treats; several sit close to sciatica on purpose. */
const CONDITIONS: readonly Condition[] = [
  { name: 'tennis elbow', part: 'elbow' },
  { name: "golfer's elbow", part: 'elbow' },
  { name: 'frozen shoulder', part: 'shoulder' },
  { name: 'rotator cuff tear', part: 'shoulder' },
  { name: 'shoulder impingement', part: 'shoulder' },
  { name: 'neck pain', part: 'neck' },
  { name: 'whiplash', part: 'neck' },
  { name: 'a trapped nerve in the neck', part: 'arm' },
  { name: 'carpal tunnel syndrome', part: 'wrist' },
  { name: 'trigger finger', part: 'finger' },
  { name: "de quervain's tendonitis", part: 'thumb' },
  { name: 'plantar fasciitis', part: 'heel' },
  { name: 'achilles tendinopathy', part: 'achilles' },
  { name: 'a sprained ankle', part: 'ankle' },
  { name: 'shin splints', part: 'shin' },
  { name: "runner's knee", part: 'knee' },
  { name: 'knee osteoarthritis', part: 'knee' },
  { name: 'a torn meniscus', part: 'knee' },
  { name: 'hip bursitis', part: 'hip' },
  { name: 'hip osteoarthritis', part: 'hip' },
  { name: 'a hamstring strain', part: 'hamstring' },
  { name: 'a groin strain', part: 'groin' },
  { name: 'it band syndrome', part: 'thigh' },
  { name: 'meralgia paresthetica', part: 'thigh' },
  { name: 'sacroiliac joint pain', part: 'pelvis' },
  { name: 'coccyx pain', part: 'tailbone' },
  { name: 'back pain in pregnancy', part: 'lower back' },
  { name: 'facet joint pain', part: 'lower back' },
  { name: 'scoliosis', part: 'spine' },
  { name: 'osteoporosis', part: 'spine' },
  { name: 'ankylosing spondylitis', part: 'spine' },
  { name: 'fibromyalgia', part: 'muscles' },
  { name: 'tension headaches', part: 'head' },
  { name: 'jaw pain', part: 'jaw' },
  { name: 'upper back pain', part: 'upper back' },
  { name: 'a stiff mid back', part: 'mid back' },
  { name: 'restless legs', part: 'legs' },
  { name: 'calf cramps', part: 'calf' },
  { name: 'peripheral neuropathy', part: 'feet' },
  { name: "morton's neuroma", part: 'foot' },
  { name: 'bunions', part: 'big toe' },
  { name: 'tarsal tunnel syndrome', part: 'ankle' },
  { name: 'thoracic outlet syndrome', part: 'arm' },
  { name: 'repetitive strain injury', part: 'forearm' },
  { name: 'osgood schlatter', part: 'knee' },
  { name: 'desk posture pain', part: 'shoulders' },
  { name: 'a pulled back muscle', part: 'lower back' },
  { name: 'spondylolisthesis', part: 'lower back' },
  { name: 'a worn disc in the neck', part: 'neck' },
  { name: 'a calf strain', part: 'calf' },
  { name: 'a dislocated shoulder', part: 'shoulder' },
  { name: 'wrist tendonitis', part: 'wrist' },
  { name: 'gluteal tendinopathy', part: 'hip' },
  { name: 'a rib injury', part: 'ribs' },
  { name: 'kneecap pain', part: 'knee' },
  { name: 'flat feet', part: 'arch' },
  { name: 'hypermobility', part: 'joints' },
  { name: 'arthritis in the hands', part: 'hands' },
  { name: 'a stiff neck', part: 'neck' },
  { name: 'pelvic girdle pain', part: 'pelvis' },
];

/** The real entries' kinds of question, asked about another condition: {c} the condition, {p} where it hurts. */
const CONDITION_QUESTIONS: ReadonlyArray<{ readonly kind: string; readonly questions: readonly string[]; readonly answer: string }> = [
  {
    kind: 'explained',
    questions: ['what is {c}', 'what does {c} actually mean', 'is {c} a diagnosis or a symptom', 'can you explain {c} to me'],
    answer: '{C} is a common cause of {p} pain. It describes where it hurts, and finding what drives it is the first step.',
  },
  {
    kind: 'symptoms',
    questions: ['what does {c} feel like', 'symptoms of {c}', 'how do I know if my {p} pain is {c}', 'pain in my {p}, could it be {c}'],
    answer: 'With {c} the {p} usually aches or feels stiff, worse with some movements. An assessment tells it apart from other causes.',
  },
  {
    kind: 'causes',
    questions: ['what causes {c}', 'why do people get {c}', 'can {c} come from sitting all day', 'what makes {c} start'],
    answer:
      'Overload, weakness and stiffness around the {p} are the usual causes of {c}; sitting and sudden changes in activity add to it.',
  },
  {
    kind: 'stretching',
    questions: [
      'does stretching help {c}',
      'what stretches help {c}',
      'should I stretch my {p} with {c}',
      'I tried stretches for {c} and it got worse',
    ],
    answer:
      'Gentle stretching can ease {c}, but stretching an irritated {p} too hard often makes it worse. We show you which ones suit you.',
  },
  {
    kind: 'painkillers',
    questions: ['will ibuprofen fix my {c}', 'do anti-inflammatories help {c}', 'painkillers for {c}', 'naproxen for {p} pain from {c}'],
    answer: 'Painkillers can take the edge off {c} for a while, but they do not change what is irritating the {p}.',
  },
  {
    kind: 'injection',
    questions: [
      'cortisone shot for {c}',
      'does a steroid injection fix {c}',
      'should I get an injection in my {p} for {c}',
      'do injections work for {c}',
    ],
    answer: 'A cortisone injection can calm {c} for weeks or months; without treating the cause the {p} pain often returns.',
  },
  {
    kind: 'rest or move',
    questions: [
      'should I rest or keep moving with {c}',
      'is rest good for {c}',
      'should I stop using my {p} until {c} settles',
      'how active should I be with {c}',
    ],
    answer: 'Short rest helps a flare of {c}; after that, keeping the {p} moving within comfort heals it faster than rest.',
  },
  {
    kind: 'healing time',
    questions: ['how long does {c} last', 'how long until {c} goes away', 'does {c} ever fully heal', 'how long to heal {c}'],
    answer: 'Most {c} settles within 6 to 12 weeks with the right care; left alone it can linger in the {p} for months.',
  },
  {
    kind: 'doctor or home',
    questions: [
      'should I see a doctor for {c}',
      'can I treat {c} at home',
      'do I need to see someone about my {c} or just wait',
      'when should {c} be checked',
    ],
    answer: 'Mild {c} often improves at home; see someone if the {p} is not better in a few weeks or keeps you awake.',
  },
  {
    kind: 'recurring',
    questions: [
      'why does my {c} keep coming back',
      '{c} returns every few months',
      'I had {c} before and now it is back',
      'how do I stop {c} coming back',
    ],
    answer: '{C} comes back when the {p} is still overloaded; strengthening and changing the load keep it away.',
  },
  {
    kind: 'treatment',
    questions: [
      'what is the best treatment for {c}',
      'how do you treat {c}',
      'what actually works for {c}',
      'what is your approach to {c}',
    ],
    answer: 'We treat {c} by finding what overloads the {p}, then easing it with hands-on work and a plan of exercises.',
  },
  {
    kind: 'scan',
    questions: [
      'do I need an mri scan for {c}',
      'will an x ray show {c}',
      'should I get a scan of my {p} for {c}',
      'my doctor will not send me for a scan for {c}',
    ],
    answer: 'Most {c} needs no scan: the examination of the {p} tells us more. We refer you when a scan would change the plan.',
  },
  {
    kind: 'surgery',
    questions: [
      'will I need surgery for {c}',
      'when is an operation needed for {c}',
      'should I have an operation on my {p} for {c}',
      'does {c} ever need surgery',
    ],
    answer: 'Few people with {c} need an operation; most {p} problems settle with the right exercise and care.',
  },
  {
    kind: 'heat or ice',
    questions: [
      'should I use heat or ice on {c}',
      'is ice good for {c}',
      'does a hot water bottle help {c}',
      'cold pack or heat pack for my {p}',
    ],
    answer: 'Ice can calm a fresh flare of {c}; heat relaxes a stiff {p}. Use whichever feels better for 15 minutes.',
  },
  {
    kind: 'sleep',
    questions: [
      'how should I sleep with {c}',
      'best position to sleep in with {c}',
      '{c} is worse at night in bed',
      'pillow for my {p} at night',
    ],
    answer: 'With {c}, sleep in a position that keeps the {p} supported and not stretched; a pillow helps many people.',
  },
  {
    kind: 'work and driving',
    questions: [
      'can I keep working with {c}',
      'should I take time off work because of {c}',
      'is it safe to drive with {c}',
      'how do I cope with a long drive with {c}',
    ],
    answer: 'Most people keep working with {c} with a few changes; drive only when you can move the {p} freely.',
  },
  {
    kind: 'strengthening',
    questions: [
      'do I need to strengthen my {p} for {c}',
      'exercises to strengthen after {c}',
      'my {c} is gone, do I still need to do exercises',
      'strength training with {c}',
    ],
    answer: 'Strengthening the muscles around the {p} is what keeps {c} from returning; keep it up after the pain goes.',
  },
  {
    kind: 'daily routine',
    questions: [
      'what should I do every day for {c}',
      'home exercise routine for {c}',
      'how long should I exercise each day with {c}',
      'daily routine to keep {c} away',
    ],
    answer: 'Ten to fifteen minutes a day of the exercises we give you for the {p} is enough to keep {c} under control.',
  },
];

/** Things patients want to keep doing. */
const ACTIVITIES: readonly string[] = [
  'golf',
  'running',
  'cycling',
  'swimming',
  'yoga',
  'pilates',
  'weight lifting',
  'tennis',
  'football',
  'gardening',
  'hiking',
  'dancing',
  'skiing',
  'climbing',
  'rowing',
  'boxing',
  'netball',
  'rugby',
  'cricket',
  'badminton',
  'squash',
  'horse riding',
  'surfing',
  'crossfit',
  'spin classes',
  'walking the dog',
  'carrying my baby',
  'housework',
  'decorating',
  'playing the guitar',
  'typing',
  'knitting',
  'bowling',
  'martial arts',
  'trampolining',
  'paddle boarding',
  'kayaking',
  'volleyball',
  'basketball',
  'hockey',
  'ice skating',
  'skateboarding',
  'table tennis',
  'long flights',
  'camping',
  'fishing',
  'archery',
  'sailing',
  'zumba',
  'aqua aerobics',
];

const ACTIVITY_QUESTIONS = [
  '{a} with {c}',
  'can I keep up {a} with {c}',
  'is {a} bad for {c}',
  'when can I go back to {a} after {c}',
  'will {a} make my {c} worse',
];

/** Equipment patients ask about. */
const EQUIPMENT: readonly string[] = [
  'a foam roller',
  'a massage gun',
  'a brace',
  'a support belt',
  'insoles',
  'kinesio tape',
  'a heat pad',
  'a tens machine',
  'a wobble board',
  'resistance bands',
  'an ergonomic mouse',
  'a seat cushion',
  'a knee support',
  'a wrist splint',
  'a neck collar',
  'a standing desk',
  'a posture corrector',
  'compression socks',
  'a walking stick',
  'a memory foam mattress',
  'a lumbar roll',
  'an inversion table',
  'a yoga mat',
  'a kneeling chair',
  'an exercise ball',
  'a hot tub',
  'an ice pack',
  'a back stretcher',
  'a desk riser',
  'orthopaedic shoes',
];

const EQUIPMENT_QUESTIONS = [
  '{e} for {c}',
  'does {e} help {c}',
  'should I use {e} for my {c}',
  'is {e} worth buying for {c}',
  'how often should I use {e} with {c}',
];

/** Lifestyle topics, asked about a condition. */
const LIFESTYLE: readonly string[] = [
  'losing weight',
  'an anti inflammatory diet',
  'smoking',
  'alcohol',
  'better sleep',
  'stress',
  'a new mattress',
  'a new pillow',
  'better shoes',
  'drinking more water',
  'vitamin d',
  'turmeric',
  'magnesium',
  'collagen',
  'walking every day',
  'sitting less',
  'taking breaks at work',
  'a better car seat',
  'lifting properly',
  'a lighter bag',
  'less phone use',
  'cold weather',
  'hot baths',
  'fasting',
  'caffeine',
  'sugar',
  'meditation',
  'breathing exercises',
  'gaining muscle',
  'a vegan diet',
  'being overweight',
  'getting older',
  'the menopause',
  'hormones',
  'screen time',
];

const LIFESTYLE_QUESTIONS = [
  '{l} and {c}',
  'does {l} help {c}',
  'can {l} affect {c}',
  'will {l} make my {c} better',
  'is there a link between {l} and {c}',
];

/** Groups of patients whose questions differ. */
const GROUPS: readonly string[] = [
  'pregnancy',
  'teenagers',
  'children',
  'older adults',
  'office workers',
  'manual workers',
  'new mothers',
  'athletes',
  'people with diabetes',
  'people with arthritis',
  'drivers',
  'musicians',
];

const GROUP_QUESTIONS = [
  '{c} in {g}',
  'is {c} common in {g}',
  'how do you treat {c} in {g}',
  'is treatment for {c} safe in {g}',
  'what helps {c} in {g}',
];

/** Stages of a condition patients ask about separately. */
const STAGES: readonly string[] = ['a flare up', 'the first week', 'recovery after surgery', 'a plateau in recovery', 'going back to work'];

const STAGE_QUESTIONS = [
  '{c} and {s}',
  'what should I do during {s} of {c}',
  'how do I manage {s} with {c}',
  'exercises for {s} with {c}',
  'how long does {s} of {c} last',
];

/** The practice's services, and what patients ask about each. */
const SERVICES: readonly string[] = [
  'massage',
  'acupuncture',
  'dry needling',
  'shockwave therapy',
  'ultrasound therapy',
  'custom orthotics',
  'pilates classes',
  'sports massage',
  'taping',
  'gait analysis',
  'a bike fit',
  'an ergonomic assessment',
  'hydrotherapy',
  'yoga classes',
  'nutrition advice',
  'home visits',
  'video consultations',
  'group exercise classes',
  'pregnancy massage',
  'manual therapy',
  'spinal manipulation',
  'cupping',
  'tens machine hire',
  'a running assessment',
  'strength classes',
  'a workplace assessment',
  'a sports injury clinic',
  'a falls prevention class',
  'a back school course',
  'a posture clinic',
];

const SERVICE_QUESTIONS: ReadonlyArray<{ readonly kind: string; readonly questions: readonly string[] }> = [
  {
    kind: 'price',
    questions: ['{v} price', 'how much does {v} cost', 'what do you charge for {v}', 'is {v} expensive', 'price list for {v}'],
  },
  {
    kind: 'length',
    questions: [
      '{v} session length',
      'how long is a session of {v}',
      'how long does {v} take',
      'how many minutes is {v}',
      'is {v} a long appointment',
    ],
  },
  {
    kind: 'book',
    questions: [
      'book {v}',
      'how do I book {v}',
      'can I book {v} online',
      'I would like to make an appointment for {v}',
      'is there a waiting list for {v}',
    ],
  },
  {
    kind: 'how many',
    questions: [
      '{v} how many sessions',
      'how many sessions of {v} will I need',
      'how often should I have {v}',
      'is one session of {v} enough',
      'how many weeks of {v}',
    ],
  },
  {
    kind: 'what to expect',
    questions: [
      '{v} what to expect',
      'what happens during {v}',
      'what should I wear for {v}',
      'does {v} hurt',
      'what will the first session of {v} be like',
    ],
  },
  {
    kind: 'cancel',
    questions: [
      'cancel {v}',
      'how do I cancel {v}',
      'can I move my appointment for {v}',
      'is there a fee for cancelling {v}',
      'I need to reschedule {v}',
    ],
  },
  {
    kind: 'vouchers',
    questions: [
      '{v} gift voucher',
      'can I buy a gift voucher for {v}',
      'do you sell vouchers for {v}',
      'gift card for {v}',
      'how long is a voucher for {v} valid',
    ],
  },
  {
    kind: 'who',
    questions: [
      'who does {v}',
      'who provides {v} at the clinic',
      'is {v} done by the doctor',
      'is the person doing {v} qualified',
      'can I choose who does my {v}',
    ],
  },
  {
    kind: 'evidence',
    questions: ['does {v} work', 'is there evidence for {v}', 'is {v} worth it', 'what does {v} help with', 'is {v} safe'],
  },
  {
    kind: 'children',
    questions: [
      '{v} for children',
      'can children have {v}',
      'is {v} safe for my teenager',
      'what age can you have {v}',
      'do you offer {v} for kids',
    ],
  },
];

/** Insurers patients name. */
const INSURERS: readonly string[] = [
  'bupa',
  'axa',
  'aviva',
  'vitality',
  'simplyhealth',
  'cigna',
  'wpa',
  'allianz',
  'healix',
  'benenden',
  'freedom',
  'exeter',
  'saga',
  'westfield',
  'paycare',
  'medicash',
  'sovereign',
  'hospital saturday fund',
  'national friendly',
  'chiropody plan',
];

const INSURER_QUESTIONS = [
  '{i} {v}',
  'do you accept {i} for {v}',
  'will {i} pay for {v}',
  'can I claim {v} on {i}',
  'is {v} covered by {i}',
];

/** The branches of a wider practice. */
const BRANCHES: readonly string[] = [
  'leeds',
  'york',
  'harrogate',
  'wakefield',
  'bradford',
  'halifax',
  'huddersfield',
  'ilkley',
  'otley',
  'wetherby',
  'selby',
  'ripon',
  'skipton',
  'pontefract',
  'castleford',
  'doncaster',
];

const BRANCH_QUESTIONS: ReadonlyArray<{ readonly kind: string; readonly questions: readonly string[] }> = [
  {
    kind: 'where',
    questions: [
      '{b} clinic address',
      'where is the {b} clinic',
      'how do I find your {b} clinic',
      'what is the postcode of the {b} clinic',
      'directions to the {b} clinic',
    ],
  },
  {
    kind: 'parking',
    questions: [
      '{b} clinic parking',
      'is there parking at the {b} clinic',
      'where do I park for the {b} clinic',
      'is parking free at {b}',
      'can I park outside the {b} clinic',
    ],
  },
  {
    kind: 'hours',
    questions: [
      '{b} opening hours',
      'when is the {b} clinic open',
      'is the {b} clinic open on saturdays',
      'late appointments at {b}',
      'is {b} open on bank holidays',
    ],
  },
  {
    kind: 'phone',
    questions: [
      '{b} phone number',
      'what is the phone number of the {b} clinic',
      'how do I call the {b} clinic',
      'email for the {b} clinic',
      'contact the {b} clinic',
    ],
  },
  {
    kind: 'access',
    questions: [
      '{b} wheelchair access',
      'is the {b} clinic wheelchair accessible',
      'are there stairs at the {b} clinic',
      'is there a lift at {b}',
      'disabled access at the {b} clinic',
    ],
  },
  {
    kind: 'transport',
    questions: [
      '{b} by bus',
      'which bus goes to the {b} clinic',
      'how far is the {b} clinic from the station',
      'can I get to the {b} clinic by train',
      'public transport to {b} clinic',
    ],
  },
  {
    kind: 'team',
    questions: [
      '{b} team',
      'who works at the {b} clinic',
      'which practitioners are at {b}',
      'does the doctor work at {b}',
      'can I see the same person at {b}',
    ],
  },
  {
    kind: 'services',
    questions: [
      '{b} services',
      'what treatments are offered at {b}',
      'is massage available at {b}',
      'does the {b} clinic do classes',
      'can I have acupuncture at {b}',
    ],
  },
];

/** Staff of a wider practice. */
const PRACTITIONERS: readonly string[] = [
  'sarah',
  'james',
  'priya',
  'tom',
  'emma',
  'mohammed',
  'lucy',
  'daniel',
  'hannah',
  'olivia',
  'ben',
  'chloe',
  'ravi',
  'sophie',
  'jack',
  'amira',
  'george',
  'ella',
  'nathan',
  'grace',
  'oscar',
  'isla',
  'leo',
  'maya',
  'adam',
  'zara',
  'finn',
  'ruby',
  'sam',
  'nina',
];

const PRACTITIONER_QUESTIONS: ReadonlyArray<{ readonly kind: string; readonly questions: readonly string[] }> = [
  {
    kind: 'who',
    questions: [
      'who is {n}',
      'tell me about {n}',
      'what is {n} qualified in',
      'how long has {n} worked at the clinic',
      'what does {n} specialise in',
    ],
  },
  {
    kind: 'book',
    questions: [
      'book with {n}',
      'can I book a session with {n}',
      'when is {n} available',
      'does {n} work weekends',
      'I would like an appointment with {n}',
    ],
  },
  {
    kind: 'treats',
    questions: [
      'does {n} treat back pain',
      'can {n} help with my leg pain',
      'does {n} see sports injuries',
      'does {n} do massage',
      'is {n} good with nerve pain',
    ],
  },
];

interface Generated {
  readonly slug: string;
  readonly title: string;
  readonly questions: readonly string[];
  readonly answer: string;
}

/** Every entry of one family, in a fixed order. */
type Family = () => Generated[];

/** `{c}` is a value as written, `{C}` the same value starting a sentence. */
const fill = (template: string, values: Readonly<Record<string, string>>): string =>
  fillPlaceholders(template, {
    ...values,
    ...Object.fromEntries(Object.entries(values).map(([key, value]) => [key.toUpperCase(), capitalise(value)])),
  });

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Crossed with every condition: "{x} with {c}", each value its own entry. */
function perCondition(values: readonly string[], key: string, questions: readonly string[], answer: string): Family {
  return () =>
    values.flatMap((value) =>
      CONDITIONS.map(({ name, part }) => {
        const filled = { c: name, p: part, [key]: value };
        return {
          slug: `${value}-${name}`,
          title: `${value}`,
          questions: questions.map((q) => fill(q, filled)),
          answer: fill(answer, filled),
        };
      }),
    );
}

const FAMILIES: readonly Family[] = [
  () =>
    CONDITION_QUESTIONS.flatMap(({ kind, questions, answer }) =>
      CONDITIONS.map(({ name, part }) => ({
        slug: `${name}-${kind}`,
        title: name,
        questions: [`${name} ${kind}`, ...questions.map((q) => fill(q, { c: name, p: part }))],
        answer: fill(answer, { c: name, p: part }),
      })),
    ),
  perCondition(
    ACTIVITIES,
    'a',
    ACTIVITY_QUESTIONS,
    'Most people with {c} can keep up {a} with a few changes; we adjust the load on the {p} so it settles while you stay active.',
  ),
  perCondition(
    LIFESTYLE,
    'l',
    LIFESTYLE_QUESTIONS,
    '{L} can make a difference to {c}, mostly by changing the load on the {p}; it works best alongside the exercises.',
  ),
  perCondition(
    EQUIPMENT,
    'e',
    EQUIPMENT_QUESTIONS,
    '{E} can ease {c} for a while, but it supports the {p} rather than fixing the cause; use it alongside treatment.',
  ),
  perCondition(
    GROUPS,
    'g',
    GROUP_QUESTIONS,
    '{C} in {g} is treated much the same way, with the exercises for the {p} adapted to the person.',
  ),
  perCondition(
    STAGES,
    's',
    STAGE_QUESTIONS,
    'During {s} of {c}, keep the {p} moving within comfort and follow the plan we agree with you.',
  ),
  () =>
    SERVICE_QUESTIONS.flatMap(({ kind, questions }) =>
      SERVICES.map((service) => ({
        slug: `${service}-${kind}`,
        title: service,
        questions: questions.map((q) => fill(q, { v: service })),
        answer: `About ${service}: ask at reception or see the price list; ${service} is available at most of our clinics.`,
      })),
    ),
  () =>
    SERVICES.flatMap((service) =>
      INSURERS.map((insurer) => ({
        slug: `${insurer}-${service}`,
        title: insurer,
        questions: INSURER_QUESTIONS.map((q) => fill(q, { i: insurer, v: service })),
        answer: `We are registered with ${insurer}; ${service} is covered on most of their plans. Check your policy and bring your authorisation code.`,
      })),
    ),
  () =>
    BRANCH_QUESTIONS.flatMap(({ kind, questions }) =>
      BRANCHES.map((branch) => ({
        slug: `${branch}-${kind}`,
        title: branch,
        questions: questions.map((q) => fill(q, { b: branch })),
        answer: `Our ${branch} clinic: see the clinic page for the address, hours, parking and who works there.`,
      })),
    ),
  () =>
    PRACTITIONER_QUESTIONS.flatMap(({ kind, questions }) =>
      PRACTITIONERS.map((name) => ({
        slug: `${name}-${kind}`,
        title: name,
        questions: questions.map((q) => fill(q, { n: name })),
        answer: `${capitalise(name)} is one of our practitioners; see the team page for what ${name} treats and when ${name} works.`,
      })),
    ),
];

export function syntheticKnowledgeBase(real: readonly FaqEntry[], size: number): FaqEntry[] {
  const families = FAMILIES.map((family) => family());
  const entries: FaqEntry[] = [...real];
  const ids = new Set(real.map((e) => e.id));
  for (let i = 0; entries.length < size; i++) {
    const before = entries.length;
    for (const family of families) {
      const next = family[i];
      if (next === undefined || entries.length >= size) continue;
      let id = slug(next.slug);
      for (let n = 2; ids.has(id); n++) id = `${slug(next.slug)}-${n}`;
      ids.add(id);
      entries.push({ id, title: capitalise(next.title).slice(0, 20).trim(), questions: next.questions, answer: next.answer });
    }
    if (entries.length === before) throw new Error(`the growth model has ${entries.length} entries, fewer than ${size}`);
  }
  return entries;
}
