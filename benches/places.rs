//! Geotagger throughput: builds ~100 MB of news-like text from templates
//! and gazetteer names (deterministic), tags it paragraph by paragraph on
//! one thread (three passes, the best counts), and prints MB/s per core
//! and the gazetteer's load time, in wall-clock and in CPU time, and the
//! time the export's coordinates table takes on first use.
//!
//! Run: `cargo bench --bench places` (`-- --mb 20` for a shorter run).

use std::hint::black_box;
use std::time::{Duration, Instant};

use frontlog::places::{Gazetteer, RegionKind};

/// Sentences in the style of war news: some name places ({T} a Ukrainian
/// town, {R} an oblast's stem, {W} a town elsewhere, {D} a weekday), many
/// name none, as in real articles (the seed articles have 6,000 to 8,600
/// mentions per MB; the bench prints its own density).
const TEMPLATES: [&str; 24] = [
    "Russian forces shelled {T} on {D}, killing two civilians and wounding five others, the regional governor said in a statement on Telegram.",
    "{R} region. A drone attack damaged a power line near {T}, leaving about 3,000 households without electricity for most of the night.",
    "Ukrainian troops repelled 14 assaults in the {T} direction over the past day, the General Staff of the Armed Forces of Ukraine reported.",
    "The strike on {T} destroyed a school and damaged a hospital and several apartment blocks, local officials reported on {D}.",
    "Talks between the delegations are expected to resume in {W} next week, according to two diplomats familiar with the preparations.",
    "Air defence units shot down 45 of the 61 drones launched overnight, mostly over the {R} and {R2} regions, the air force said.",
    "Residents of {T} and {T2} spent the night in shelters as explosions were heard on the outskirts of both towns.",
    "The ministry said that energy workers had restored supplies to most consumers by the evening, although repairs would take weeks.",
    "Prosecutors opened an investigation into the attack, which also damaged 12 apartment buildings, a kindergarten and a pharmacy.",
    "President Volodymyr Zelensky said the country needed more Patriot systems before the winter and urged allies to speed up deliveries.",
    "Evacuations from {T} continued as Russian troops advanced to within five kilometres of the town, according to open-source analysts.",
    "The Kremlin said a meeting in {W} was possible, while the White House declined to comment on the timing of any summit.",
    "Analysts at the Institute for the Study of War said the pace of the Russian advance had slowed because of heavy losses and poor weather.",
    "The European Commission proposed a new package of sanctions targeting the shadow fleet and banks that help to evade the price cap.",
    "Rescuers in {T} worked through the night to pull survivors from the rubble, and the death toll rose to nine by the morning, officials said.",
    "The head of the regional military administration said that 23 settlements had come under fire during the past day.",
    "Defence Minister Rustem Umerov met his counterparts to discuss the production of long-range drones and artillery shells.",
    "According to the United Nations, at least 12,000 civilians have been killed since the start of the full-scale invasion.",
    "Moscow has not commented on the reports, and it was not possible to verify the claims made by either side independently.",
    "Fighting continued in the Donetsk region, where Russian units have been trying to reach the administrative border for months.",
    "The governor of the {R} region said a 67-year-old woman was killed when a shell hit her house in {T}.",
    "Volunteers delivered generators, medicine and drinking water to villages near {T} that had been cut off from Ukraine-held territory for weeks.",
    "The International Atomic Energy Agency said its inspectors at the plant had heard several explosions on {D} morning.",
    "Kyiv and its Western partners have rejected the proposal, saying that any agreement must include firm security guarantees.",
];
const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Time this thread has spent on a CPU (Linux schedstat), to report
/// figures that do not depend on how busy the machine is; `None` elsewhere.
fn cpu_time() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// A small deterministic generator (64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.next() % v.len()]
    }
}

fn main() {
    let mb: usize = std::env::args()
        .skip_while(|a| a != "--mb")
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100);

    // Load time: the first build, then the best of five fresh builds,
    // in wall-clock and in this thread's CPU time.
    let t = Instant::now();
    let c = cpu_time();
    let g = Gazetteer::builtin();
    let first = t.elapsed();
    let first_cpu = c.zip(cpu_time()).map(|(a, b)| b - a);
    let (mut best, mut best_cpu) = (first, first_cpu);
    for _ in 0..5 {
        let t = Instant::now();
        let c = cpu_time();
        black_box(Gazetteer::load_builtin());
        best = best.min(t.elapsed());
        if let (Some(a), Some(b)) = (c, cpu_time()) {
            best_cpu = Some(best_cpu.map_or(b - a, |x| x.min(b - a)));
        }
    }

    let ukraine = g.lookup("Ukraine");
    let mut towns = Vec::new();
    let mut oblasts = Vec::new();
    let mut world = Vec::new();
    for id in 0..g.len() as u32 {
        let r = g.region(id);
        let anc = g.ancestors(id);
        let in_ukraine = ukraine.is_some_and(|u| anc.contains(&u));
        match r.kind {
            RegionKind::Town if in_ukraine => towns.push(r.name.as_str()),
            RegionKind::Town => world.push(r.name.as_str()),
            RegionKind::Region if in_ukraine => {
                if let Some(stem) = r.name.strip_suffix(" Oblast") {
                    oblasts.push(stem)
                }
            }
            _ => {}
        }
    }

    let mut rng = Lcg(0x5eed);
    let target = mb * 1_000_000;
    let mut paragraphs: Vec<String> = Vec::new();
    let mut total = 0;
    while total < target {
        let mut p = String::new();
        for _ in 0..(3 + rng.next() % 3) {
            let s = rng
                .pick(&TEMPLATES)
                .replace("{T2}", rng.pick(&towns))
                .replace("{T}", rng.pick(&towns))
                .replace("{R2}", rng.pick(&oblasts))
                .replace("{R}", rng.pick(&oblasts))
                .replace("{W}", rng.pick(&world))
                .replace("{D}", rng.pick(&DAYS));
            if !p.is_empty() {
                p.push(' ');
            }
            p.push_str(&s);
        }
        total += p.len();
        paragraphs.push(p);
    }

    // Three passes over the text; the best one counts (the machine is
    // shared, and a pass can be slowed by others).
    let mut best_pass: Option<(f64, Option<f64>)> = None;
    let mut mentions = 0usize;
    for _ in 0..3 {
        let t = Instant::now();
        let c = cpu_time();
        mentions = 0;
        for p in &paragraphs {
            mentions += black_box(g.tag(p, ukraine)).len();
        }
        let wall = t.elapsed().as_secs_f64();
        let cpu = c.zip(cpu_time()).map(|(a, b)| (b - a).as_secs_f64());
        if best_pass.is_none_or(|(w, _)| wall < w) {
            best_pass = Some((wall, cpu));
        }
    }
    let (secs, cpu_secs) = best_pass.unwrap_or((f64::NAN, None));
    println!("gazetteer: {} places, {} names", g.len(), g.name_count(),);
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "load: first {:.1} ms (cpu {:.1} ms), best of 5 fresh builds {:.1} ms (cpu {:.1} ms)",
        ms(first),
        first_cpu.map_or(f64::NAN, ms),
        ms(best),
        best_cpu.map_or(f64::NAN, ms)
    );
    // The coordinates table (exports only) is built on its first use.
    let t = Instant::now();
    let placed = (0..g.len() as u32)
        .filter(|&id| g.coordinates(id).is_some())
        .count();
    println!(
        "coordinates: table built and read in {:.1} ms; {placed} of {} places placed",
        ms(t.elapsed()),
        g.len()
    );
    let mb = total as f64 / 1e6;
    println!(
        "tagged {mb:.1} MB in {} paragraphs, {mentions} mentions ({:.0} per MB), best of 3 passes: \
         {secs:.2} s wall, {:.0} MB/s; {:.2} s cpu, {:.0} MB/s per core",
        paragraphs.len(),
        mentions as f64 / mb,
        mb / secs,
        cpu_secs.unwrap_or(f64::NAN),
        cpu_secs.map_or(f64::NAN, |c| mb / c),
    );
}
