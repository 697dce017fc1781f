//! Readiness: retrievability from the fsrs crate, refusing without enough
//! history, and calibration against simulated learners whose recall
//! probabilities are known (the figures in BENCHMARKS.md come from
//! `calibration_against_simulated_learners`).

use std::fmt::Write as _;

use super::*;
use crate::quiz::rng::SeededRng;
use crate::quiz::testing::sample_vault;

fn uniform(rng: &mut SeededRng) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let u = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    u
}

#[test]
fn recall_is_fsrs_retrievability_ninety_percent_at_stability() {
    let card = CardState {
        stability: 10.0,
        difficulty: 5.0,
        due: Timestamp(0),
        last_review: Timestamp(0),
        reps: 1,
        lapses: 0,
    };
    let at = |days: f64| Timestamp(0).plus_days(days);
    let r10 = recall(Some(&card), at(10.0)).unwrap();
    assert!((r10 - 0.9).abs() < 1e-3, "R(S) = 0.9, got {r10}");
    assert!((recall(Some(&card), at(0.0)).unwrap() - 1.0).abs() < 1e-6);
    assert!(recall(Some(&card), at(100.0)).unwrap() < r10);
    assert_eq!(recall(None, at(1.0)), None);
}

#[test]
fn no_history_gives_no_forecast_and_a_reason() {
    let vault = sample_vault();
    let qs: Vec<QuestionIx> = vault.quizzable().collect();
    let r = readiness(
        &vault,
        &History::default(),
        &HashMap::new(),
        ForecastInput {
            questions: &qs,
            exam_questions: 4,
            pass_mark: 720,
            at: Timestamp(0),
        },
    );
    assert_eq!(r.expected_scaled, None);
    assert_eq!(r.reason.as_deref(), Some("not enough history yet"));
    assert!(r.line(Lang::Ko).contains("기록이 부족해"));
    // Less than half answered: still no forecast.
    let mostly_unseen = [
        (0.9, Source::Card),
        (0.5, Source::Tags),
        (0.5, Source::Prior),
    ];
    assert_eq!(forecast(&mostly_unseen, 3, 720).expected_scaled, None);
    let half = [(0.9, Source::Card), (0.5, Source::Tags)];
    assert!(forecast(&half, 2, 720).expected_scaled.is_some());
}

#[test]
fn every_question_answered_always_gives_a_forecast() {
    let all = [
        (0.95, Source::Card),
        (0.9, Source::Card),
        (0.99, Source::Card),
    ];
    let r = forecast(&all, 3, 720);
    let e = r.expected_scaled.unwrap();
    assert!((e - (100.0 + 900.0 * (0.95 + 0.9 + 0.99) / 3.0)).abs() < 1e-9);
    assert!(r.low.unwrap() <= r.high.unwrap());
    assert!(r.pass_probability.unwrap() > 0.5);
    assert!(r.line(Lang::En).contains("pass probability"));
}

/// One simulated learner's exam: the forecast and what happened.
struct Trial {
    predicted: f64,
    expected: f64,
    passed: bool,
    scaled: u32,
}

/// A learner with an ability, questions under a few tags, most seen (their
/// recall probability is known: what FSRS retrievability stands for), the
/// unseen ones estimated from simulated past answers on their tags; then
/// one 65-question exam drawn without replacement and answered with the
/// true probabilities.
fn simulate(rng: &mut SeededRng) -> Trial {
    let ability = 0.35 + 0.6 * uniform(rng);
    let n_questions = 80 + rng.below(220);
    let tags = 1 + rng.below(4);
    // Each tag's own level around the ability.
    let levels: Vec<f64> = (0..tags)
        .map(|_| (ability + 0.2 * (uniform(rng) - 0.5)).clamp(0.05, 0.99))
        .collect();
    let mut truth = Vec::new();
    let mut chances = Vec::new();
    // Past answers per tag, for the unseen questions' prior.
    let mut past = vec![(0u32, 0u32); tags];
    let mut unseen = Vec::new();
    for i in 0..n_questions {
        let tag = i % tags;
        let p = (levels[tag] + 0.3 * (uniform(rng) - 0.5)).clamp(0.02, 0.995);
        truth.push(p);
        if uniform(rng) < 0.8 {
            chances.push((p, Source::Card));
            for _ in 0..=rng.below(3) {
                past[tag].1 += 1;
                past[tag].0 += u32::from(uniform(rng) < p);
            }
        } else {
            chances.push((0.0, Source::Tags));
            unseen.push((i, tag));
        }
    }
    for (i, tag) in unseen {
        let (right, total) = past[tag];
        chances[i].0 = (f64::from(right) + 1.0) / (f64::from(total) + 2.0);
    }
    let n = 65.min(n_questions);
    let r = forecast(&chances, n, 720);
    let mut order: Vec<usize> = (0..n_questions).collect();
    rng.shuffle(&mut order);
    let right = order[..n]
        .iter()
        .filter(|&&i| uniform(rng) < truth[i])
        .count();
    let scaled = scaled_score(right, n);
    Trial {
        predicted: r.pass_probability.unwrap(),
        expected: r.expected_scaled.unwrap(),
        passed: scaled >= 720,
        scaled,
    }
}

#[test]
fn calibration_against_simulated_learners() {
    let mut rng = SeededRng::new(20_261_206);
    let trials: Vec<Trial> = (0..3000).map(|_| simulate(&mut rng)).collect();
    #[allow(clippy::cast_precision_loss)]
    let mae = trials
        .iter()
        .map(|t| (t.expected - f64::from(t.scaled)).abs())
        .sum::<f64>()
        / trials.len() as f64;
    let mut report = format!("mean absolute scaled-score error: {mae:.1}\n");
    for bin in 0..10 {
        #[allow(clippy::cast_precision_loss)]
        let (lo, hi) = (f64::from(bin) / 10.0, f64::from(bin + 1) / 10.0);
        let inside: Vec<&Trial> = trials
            .iter()
            .filter(|t| t.predicted >= lo && (t.predicted < hi || (bin == 9 && t.predicted <= 1.0)))
            .collect();
        if inside.is_empty() {
            continue;
        }
        #[allow(clippy::cast_precision_loss)]
        let count = inside.len() as f64;
        let predicted = inside.iter().map(|t| t.predicted).sum::<f64>() / count;
        #[allow(clippy::cast_precision_loss)]
        let observed = inside.iter().filter(|t| t.passed).count() as f64 / count;
        let _ = writeln!(
            report,
            "{lo:.1}–{hi:.1}: {} learners, predicted {predicted:.3}, observed {observed:.3}",
            inside.len()
        );
        if inside.len() >= 50 {
            // Three standard errors of the observed rate, plus a little for
            // the binomial's slight overdispersion.
            let se = (predicted * (1.0 - predicted) / count).sqrt();
            assert!(
                (observed - predicted).abs() <= 3.0 * se + 0.03,
                "bin {lo:.1}–{hi:.1} is off:\n{report}"
            );
        }
    }
    println!("{report}");
    assert!(mae < 60.0, "{report}");
}
