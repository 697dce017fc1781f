//! Blueprints: the format and its errors with file:line:column, the
//! largest-remainder quotas, and drawing an exam from a vault.

use super::*;
use crate::quiz::testing::sample_vault;

const SMALL: &str = "name: 작은 시험
questions: 3
minutes: 10
pass: 700
domains:
  - name: 스팟
    weight: 2
    tags: [instance/spot]
  - name: EMR
    weight: 1
    tags: [service/emr]
";

#[test]
fn a_blueprint_reads_its_fields() {
    let bp = Blueprint::parse(SMALL, "small.yaml").unwrap();
    assert_eq!(bp.name, "작은 시험");
    assert_eq!(
        (bp.questions, bp.minutes, bp.pass),
        (Some(3), Some(10), Some(700))
    );
    assert_eq!(bp.domains.len(), 2);
    assert_eq!(bp.domains[1].tags[0].as_str(), "service/emr");
}

#[test]
fn quotas_follow_the_weights_by_largest_remainder() {
    let text = "name: x\ndomains:\n  - {name: a, weight: 34, tags: [a]}\n  - {name: b, weight: 26, tags: [b]}\n  - {name: c, weight: 22, tags: [c]}\n  - {name: d, weight: 18, tags: [d]}\n";
    let bp = Blueprint::parse(text, "x.yaml").unwrap();
    // 65 × (.34, .26, .22, .18) = 22.1, 16.9, 14.3, 11.7: floors 22+16+14+11
    // = 63; the two largest remainders (.9, .7) get one more.
    assert_eq!(bp.quotas(65), [22, 17, 14, 12]);
    assert_eq!(bp.quotas(10), [3, 3, 2, 2]);
    for n in 0..200 {
        assert_eq!(bp.quotas(n).iter().sum::<usize>(), n);
    }
}

#[test]
fn drawing_takes_each_domains_share_and_says_when_one_is_short() {
    let vault = sample_vault();
    let bp = Blueprint::parse(SMALL, "small.yaml").unwrap();
    let pool: Vec<QuestionIx> = vault.quizzable().collect();
    let drawn = bp.draw(&vault, &pool, 3);
    assert_eq!(drawn.domains, ["스팟", "스팟", "EMR"]);
    assert!(drawn.shortages.is_empty());
    // Six questions: four spot wanted, two exist.
    let drawn = bp.draw(&vault, &pool, 6);
    assert_eq!(drawn.questions.len(), 4);
    assert_eq!(
        drawn.shortages,
        [Shortage {
            domain: "스팟".into(),
            wanted: 4,
            available: 2
        }]
    );
    assert!(drawn.shortages[0].message(Lang::Ko).contains("있는 만큼만"));
}

#[test]
fn an_unknown_key_is_an_error_at_its_line_and_column() {
    let text = SMALL.replace("    weight: 1", "    wieght: 1");
    let e = Blueprint::parse(&text, "bp.yaml").unwrap_err();
    assert_eq!(e.problem, BlueprintProblem::UnknownKey("wieght".into()));
    assert_eq!((e.line, e.column), (10, 5));
    assert!(
        e.message(Lang::Ko)
            .starts_with("bp.yaml:10:5: 알 수 없는 키 \"wieght\"")
    );
    assert!(e.message(Lang::En).contains("unknown key \"wieght\""));
}

#[test]
fn a_weight_that_is_not_positive_is_an_error_at_its_line() {
    for bad in ["0", "-3", "many"] {
        let text = SMALL.replace("    weight: 1", &format!("    weight: {bad}"));
        let e = Blueprint::parse(&text, "bp.yaml").unwrap_err();
        assert_eq!(e.problem, BlueprintProblem::BadWeight(bad.into()), "{bad}");
        assert_eq!((e.line, e.column), (10, 5), "{e}");
        assert!(e.message(Lang::Ko).contains("weight는 양수여야"), "{bad}");
    }
}

#[test]
fn a_domain_matching_no_question_is_an_error_at_its_name() {
    let text = SMALL.replace("tags: [service/emr]", "tags: [service/nothing]");
    let bp = Blueprint::parse(&text, "bp.yaml").unwrap();
    let e = bp.check(&sample_vault()).unwrap_err();
    assert_eq!(e.problem, BlueprintProblem::NoQuestions("EMR".into()));
    assert_eq!((e.line, e.column), (9, 11));
    assert!(
        e.message(Lang::Ko)
            .starts_with("bp.yaml:9:11: 영역 \"EMR\"")
    );
}

#[test]
fn the_bundled_blueprint_reads() {
    let bp = Blueprint::bundled().unwrap();
    assert_eq!(bp.domains.len(), 4);
    assert_eq!(bp.quotas(bp.questions.unwrap()).iter().sum::<usize>(), 40);
}

#[test]
fn a_shorter_exam_gets_its_share_of_the_time() {
    let bp = Blueprint::parse(SMALL, "small.yaml").unwrap();
    assert_eq!(bp.minutes_for(3), Some(10));
    assert_eq!(bp.minutes_for(1), Some(4), "10 × 1/3, rounded up");
    assert_eq!(bp.minutes_for(6), Some(20));
}
