//! `paragraf deadlines`: the legal dates of a meeting's cycle.

use anyhow::Result;
use paragraf_core::calendar::cycle_deadlines;

use crate::args::DeadlinesArgs;
use crate::output;

pub fn run(a: &DeadlinesArgs) -> Result<()> {
    let c = cycle_deadlines(a.meeting, a.adjusted, a.posted)?;
    output::print(a.json.json, &c, || {
        let mut s = format!(
            "Senaste dag för justering (KL 5 kap. 69 §):   {}\n",
            c.adjustment_deadline
        );
        if let Some(d) = c.posting_deadline {
            s += &format!("Senaste dag för anslag (KL 8 kap. 12 §):      {d}\n");
        }
        if let Some(d) = c.appeal_ends {
            s += &format!("Sista dag för överklagande (KL 13 kap. 5 §):  {d}\n");
        }
        if let Some(d) = c.notice_removable_from {
            s += &format!("Anslaget får tas ned från:                    {d}\n");
        }
        s
    })
}
