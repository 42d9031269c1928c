//! Geotagger throughput: builds ~100 MB of news-like text from templates
//! and gazetteer names (deterministic), tags it paragraph by paragraph on
//! one thread (three passes, the best counts), and prints MB/s per core
//! and the gazetteer's load time, in wall-clock and in CPU time.
//!
//! Run: `cargo bench --bench places` (`-- --mb 20` for a shorter run).

use std::hint::black_box;
use std::time::{Duration, Instant};

use frontlog::places::{Gazetteer, RegionKind};

const TEMPLATES: [&str; 12] = [
    "Russian forces shelled {T} on {D}, killing two civilians and wounding five, the regional governor said.",
    "{R} region. A drone attack damaged a power line near {T}, leaving 3,000 households without electricity.",
    "Ukrainian troops repelled 14 assaults in the {T} direction over the past day, the General Staff said.",
    "The strike on {T} destroyed a school and damaged a hospital, local officials reported on {D}.",
    "Talks between the delegations are expected to resume in {W} next week, according to diplomats.",
    "Air defence units shot down 45 of 61 drones launched overnight, mostly over the {R} and {R2} regions.",
    "Residents of {T} and {T2} spent the night in shelters as explosions were heard on the outskirts.",
    "The ministry said that energy workers had restored supplies to most consumers by the evening.",
    "Prosecutors opened an investigation into the attack, which also damaged 12 apartment buildings.",
    "President Volodymyr Zelensky said the country needed more air defence systems before the winter.",
    "Evacuations from {T} continued as Russian troops advanced to within 5 kilometres of the town.",
    "The Kremlin said a meeting in {W} was possible, while the White House declined to comment.",
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
