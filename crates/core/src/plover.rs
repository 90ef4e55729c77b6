//! The PLOVER tables: the 16 event categories with their quad classes and scores, their modes,
//! the contexts, the actor sectors and the actor codes.
//!
//! The source is the PLOVER manual (Open Event Data Alliance, CC BY-SA 4.0) as summarised in
//! the project's shared `spec/plover.md`. Names are spelled as PLOVER spells them, in serde,
//! `Display` and `FromStr` alike, so a lexicon and an output record can never disagree.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The error of parsing a PLOVER name that is not in its table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    /// Which table was searched ("event", "mode", ...).
    pub table: &'static str,
    /// The name that was not found.
    pub name: String,
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown PLOVER {} {:?}", self.table, self.name)
    }
}

impl std::error::Error for UnknownName {}

/// Declares a closed vocabulary: an enum whose variants have one spelling each, used by
/// `Display`, `FromStr` and serde.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $table:literal, { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in table order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The PLOVER spelling.
            pub fn as_str(&self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownName;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(UnknownName { table: $table, name: s.to_string() }),
                }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

vocabulary!(
    /// The 16 PLOVER event categories.
    EventType, "event", {
        /// Agree to, offer, promise, indicate willingness.
        Agree => "AGREE",
        /// Meetings, visits, calls, negotiations.
        Consult => "CONSULT",
        /// Praise, endorse, sign, recognise.
        Support => "SUPPORT",
        /// Verbal concessions without immediate material effect.
        Concede => "CONCEDE",
        /// Mutual material cooperation.
        Cooperate => "COOPERATE",
        /// Material aid.
        Aid => "AID",
        /// Concessions with immediate material effect.
        Retreat => "RETREAT",
        /// Requests, demands, appeals.
        Request => "REQUEST",
        /// Criticise, condemn, accuse, investigate.
        Accuse => "ACCUSE",
        /// Reject, refuse, veto.
        Reject => "REJECT",
        /// Threats and coercive warnings.
        Threaten => "THREATEN",
        /// Civilian collective dissent.
        Protest => "PROTEST",
        /// Reductions of relations, sanctions, convictions.
        Sanction => "SANCTION",
        /// Military or police moves short of force.
        Mobilize => "MOBILIZE",
        /// Repression short of violence.
        Coerce => "COERCE",
        /// Deliberate acts that can cause serious physical harm.
        Assault => "ASSAULT",
    }
);

vocabulary!(
    /// PLOVER modes, the union over all categories; [`Mode::belongs_to`] says which go where.
    Mode, "mode", {
        /// CONSULT: a visit.
        Visit => "visit",
        /// CONSULT: mediated by a third party.
        ThirdParty => "third-party",
        /// CONSULT: several parties.
        Multilateral => "multilateral",
        /// CONSULT: by telephone.
        Phone => "phone",
        /// RETREAT or SANCTION: withdrawal.
        Withdraw => "withdraw",
        /// RETREAT: release of people or property.
        Release => "release",
        /// RETREAT: disarmament.
        Disarm => "disarm",
        /// RETREAT: a ceasefire carried out.
        Ceasefire => "ceasefire",
        /// RETREAT: access granted.
        Access => "access",
        /// RETREAT: resignation.
        Resign => "resign",
        /// REQUEST or REJECT: assistance.
        Assist => "assist",
        /// REQUEST or REJECT: a change of policy.
        Change => "change",
        /// REQUEST or REJECT: to yield.
        Yield => "yield",
        /// REQUEST or REJECT: to meet.
        Meet => "meet",
        /// ACCUSE: disapproval.
        Disapprove => "disapprove",
        /// ACCUSE: an investigation.
        Investigate => "investigate",
        /// ACCUSE: an allegation.
        Allege => "allege",
        /// THREATEN or COERCE: restrictions.
        Restrict => "restrict",
        /// THREATEN or COERCE: arrests.
        Arrest => "arrest",
        /// THREATEN: cutting relations.
        Relations => "relations",
        /// THREATEN or SANCTION: expulsion.
        Expel => "expel",
        /// THREATEN: territory.
        Territory => "territory",
        /// THREATEN: violence.
        Violence => "violence",
        /// PROTEST: demonstration.
        Demo => "demo",
        /// PROTEST: riot.
        Riot => "riot",
        /// PROTEST: strike.
        Strike => "strike",
        /// PROTEST: hunger strike.
        Hunger => "hunger",
        /// PROTEST: boycott.
        Boycott => "boycott",
        /// PROTEST: obstruction.
        Obstruct => "obstruct",
        /// PROTEST: vandalism.
        Vandalize => "vandalize",
        /// SANCTION: conviction.
        Convict => "convict",
        /// SANCTION: discontinued relations or aid.
        Discontinue => "discontinue",
        /// MOBILIZE: troops.
        Troops => "troops",
        /// MOBILIZE: weapons.
        Weapons => "weapons",
        /// MOBILIZE: police.
        Police => "police",
        /// MOBILIZE: militia.
        Militia => "militia",
        /// COERCE: seizure of property.
        Seize => "seize",
        /// COERCE: censorship.
        Censor => "censor",
        /// COERCE: curfew.
        Curfew => "curfew",
        /// COERCE: martial law.
        MartialLaw => "martial-law",
        /// COERCE: deportation.
        Deport => "deport",
        /// COERCE: withholding.
        Withhold => "withhold",
        /// COERCE: misinformation.
        Misinformation => "misinformation",
        /// COERCE: cyber attack.
        Cyber => "cyber",
        /// ASSAULT: abduction, hostage taking, capture of combatants.
        Abduct => "abduct",
        /// ASSAULT: beating.
        Beat => "beat",
        /// ASSAULT: torture.
        Torture => "torture",
        /// ASSAULT: sexual violence.
        Sexual => "sexual",
        /// ASSAULT: targeted killing, assassination.
        Targeted => "targeted",
        /// ASSAULT: destruction of property.
        Destroy => "destroy",
        /// ASSAULT: primitive weapons.
        Primitive => "primitive",
        /// ASSAULT: small arms.
        Firearms => "firearms",
        /// ASSAULT: explosives, bombs, IEDs.
        Explosives => "explosives",
        /// ASSAULT: suicide attack.
        SuicideAttack => "suicide-attack",
        /// ASSAULT: air strikes.
        Aerial => "aerial",
        /// ASSAULT: drone strikes.
        Drone => "drone",
        /// ASSAULT: artillery, shelling, missiles.
        HeavyWeapons => "heavy-weapons",
        /// ASSAULT: crowd control.
        CrowdControl => "crowd-control",
        /// ASSAULT: chemical, biological, nuclear.
        Unconventional => "unconventional",
    }
);

vocabulary!(
    /// PLOVER contexts.
    Context, "context", {
        /// Military.
        Military => "military",
        /// Intelligence.
        Intelligence => "intelligence",
        /// Executive.
        Executive => "executive",
        /// Legislative.
        Legislative => "legislative",
        /// Elections.
        Election => "election",
        /// Political institutions.
        PoliticalInstitutions => "political_institutions",
        /// Pro-democracy.
        ProDemocracy => "pro_democracy",
        /// Pro-autocracy.
        ProAutocracy => "pro_autocracy",
        /// Economic.
        Economic => "economic",
        /// Legal.
        Legal => "legal",
        /// Reparations.
        Reparations => "reparations",
        /// Human rights.
        HumanRights => "human_rights",
        /// Rights and freedoms.
        RightsFreedoms => "rights_freedoms",
        /// Repression.
        Repression => "repression",
        /// Human security.
        HumanSecurity => "human_security",
        /// Gender.
        Gender => "gender",
        /// LGBT.
        Lgbt => "lgbt",
        /// Religion and ethnicity.
        ReligionEthnicity => "religion_ethnicity",
        /// Inequality.
        Inequality => "inequality",
        /// Diplomatic.
        Diplomatic => "diplomatic",
        /// Territory.
        Territory => "territory",
        /// Peacekeeping.
        Peacekeeping => "peacekeeping",
        /// Health.
        Health => "health",
        /// Asylum.
        Asylum => "asylum",
        /// Migration.
        Migration => "migration",
        /// Disasters.
        Disasters => "disasters",
        /// Natural resources.
        NaturalResource => "natural_resource",
        /// Environment.
        Environment => "environment",
        /// Technology.
        Technology => "technology",
        /// Terrorism.
        Terrorism => "terrorism",
        /// Chemical, biological, radiological, nuclear.
        Cbrn => "cbrn",
        /// Cyber.
        Cyber => "cyber",
        /// Misinformation.
        Misinformation => "misinformation",
        /// Crime.
        Crime => "crime",
        /// Corruption.
        Corruption => "corruption",
        /// Illegal drugs.
        IllegalDrugs => "illegal_drugs",
        /// Trafficking.
        Trafficking => "trafficking",
    }
);

vocabulary!(
    /// PLOVER actor sectors.
    Sector, "sector", {
        /// Police.
        Cop => "COP",
        /// Government, executive.
        Gov => "GOV",
        /// Judiciary.
        Jud => "JUD",
        /// Legislature.
        Leg => "LEG",
        /// State military.
        Mil => "MIL",
        /// Paramilitary not opposed to the government.
        Prm => "PRM",
        /// Political party.
        Pty => "PTY",
        /// Armed opposition.
        Reb => "REB",
        /// Intelligence.
        Spy => "SPY",
        /// Unidentified armed forces.
        Uaf => "UAF",
        /// Unidentified.
        Unk => "UNK",
        /// Agriculture.
        Agr => "AGR",
        /// Business.
        Bus => "BUS",
        /// Criminals.
        Crm => "CRM",
        /// Civilians, protesters, unarmed domestic groups.
        Cvl => "CVL",
        /// Education.
        Edu => "EDU",
        /// Former officials and elites.
        Eli => "ELI",
        /// Journalists and media.
        Jrn => "JRN",
        /// Labour.
        Lab => "LAB",
        /// Health.
        Med => "MED",
        /// Refugees and displaced.
        Ref => "REF",
        /// Opposition.
        Opp => "OPP",
        /// Partially recognised entity.
        Pre => "PRE",
        /// Religious.
        Rel => "REL",
        /// Civil society.
        Soc => "SOC",
    }
);

/// PLOVER's quad classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Quad {
    /// 1: verbal cooperation.
    VerbalCooperation = 1,
    /// 2: material cooperation.
    MaterialCooperation = 2,
    /// 3: verbal conflict.
    VerbalConflict = 3,
    /// 4: material conflict.
    MaterialConflict = 4,
}

impl Quad {
    /// The integer code written as `quad_code`.
    pub fn code(self) -> u8 {
        self as u8
    }
}

impl EventType {
    /// The category's quad class.
    pub fn quad(self) -> Quad {
        use EventType::*;
        match self {
            Agree | Consult | Support | Concede => Quad::VerbalCooperation,
            Cooperate | Aid | Retreat => Quad::MaterialCooperation,
            Request | Accuse | Reject | Threaten => Quad::VerbalConflict,
            Protest | Sanction | Mobilize | Coerce | Assault => Quad::MaterialConflict,
        }
    }

    /// The category's conflict-cooperation score.
    pub fn base_scale(self) -> f64 {
        use EventType::*;
        match self {
            Agree => 2.5,
            Consult => 2.5,
            Support => 5.0,
            Concede => 4.5,
            Cooperate => 9.5,
            Aid => 10.0,
            Retreat => 6.5,
            Request => 0.0,
            Accuse => -3.0,
            Reject => -2.0,
            Threaten => -3.5,
            Protest => -5.0,
            Sanction => -6.0,
            Mobilize => -5.5,
            Coerce => -7.0,
            Assault => -9.0,
        }
    }

    /// The score of the category with `mode`, falling back to the category's score where the
    /// manual gives the mode none (or the mode is not one of the category's).
    pub fn scale(self, mode: Option<Mode>) -> f64 {
        mode.and_then(|m| mode_scale(self, m)).unwrap_or_else(|| self.base_scale())
    }

    /// The modes of this category, in table order.
    pub fn modes(self) -> impl Iterator<Item = Mode> {
        Mode::ALL.iter().copied().filter(move |m| m.belongs_to(self))
    }
}

impl Mode {
    /// Whether PLOVER lists this mode under `event`.
    pub fn belongs_to(self, event: EventType) -> bool {
        use EventType as E;
        use Mode::*;
        match event {
            E::Consult => matches!(self, Visit | ThirdParty | Multilateral | Phone),
            E::Retreat => matches!(self, Withdraw | Release | Disarm | Ceasefire | Access | Resign),
            E::Request | E::Reject => matches!(self, Assist | Change | Yield | Meet),
            E::Accuse => matches!(self, Disapprove | Investigate | Allege),
            E::Threaten => {
                matches!(self, Restrict | Arrest | Relations | Expel | Territory | Violence)
            }
            E::Protest => {
                matches!(self, Demo | Riot | Strike | Hunger | Boycott | Obstruct | Vandalize)
            }
            E::Sanction => matches!(self, Convict | Expel | Withdraw | Discontinue),
            E::Mobilize => matches!(self, Troops | Weapons | Police | Militia),
            E::Coerce => matches!(
                self,
                Seize
                    | Restrict
                    | Censor
                    | Curfew
                    | MartialLaw
                    | Arrest
                    | Deport
                    | Withhold
                    | Misinformation
                    | Cyber
            ),
            E::Assault => matches!(
                self,
                Abduct
                    | Beat
                    | Torture
                    | Sexual
                    | Targeted
                    | Destroy
                    | Primitive
                    | Firearms
                    | Explosives
                    | SuicideAttack
                    | Aerial
                    | Drone
                    | HeavyWeapons
                    | CrowdControl
                    | Unconventional
            ),
            E::Agree | E::Support | E::Concede | E::Cooperate | E::Aid => false,
        }
    }
}

/// The manual's score for a category and one of its modes, where it gives one.
fn mode_scale(event: EventType, mode: Mode) -> Option<f64> {
    use EventType as E;
    use Mode::*;
    if !mode.belongs_to(event) {
        return None;
    }
    let v = match (event, mode) {
        (E::Consult, Visit) => 4.0,
        (E::Consult, ThirdParty) => 1.0,
        (E::Consult, Multilateral) => 4.0,
        (E::Consult, Phone) => 1.5,
        (E::Retreat, Withdraw) => 8.0,
        (E::Retreat, Release) => 6.5,
        (E::Retreat, Disarm) => 10.0,
        (E::Retreat, Ceasefire) => 7.5,
        (E::Retreat, Access) => 6.5,
        (E::Retreat, Resign) => 4.5,
        (E::Request, Assist) => 0.5,
        (E::Request, Change) => -1.0,
        (E::Request, Yield) => -1.0,
        (E::Request, Meet) => 0.0,
        (E::Accuse, Disapprove) => -2.0,
        (E::Accuse, Investigate) => -3.5,
        (E::Accuse, Allege) => -3.5,
        (E::Reject, Assist) => -1.5,
        (E::Reject, Change) => -2.0,
        (E::Reject, Yield) => -2.0,
        (E::Reject, Meet) => -2.0,
        (E::Threaten, Restrict) => -3.0,
        (E::Threaten, Arrest) => -3.5,
        (E::Threaten, Relations) => -3.5,
        (E::Threaten, Expel) => -3.5,
        (E::Threaten, Territory) => -4.0,
        (E::Threaten, Violence) => -3.5,
        (E::Protest, Demo) => -5.0,
        (E::Protest, Riot) => -7.0,
        (E::Protest, Strike) => -5.0,
        (E::Protest, Hunger) => -4.5,
        (E::Protest, Boycott) => -4.5,
        (E::Protest, Obstruct) => -4.5,
        (E::Sanction, Convict) => -6.0,
        (E::Sanction, Expel) => -5.5,
        (E::Sanction, Withdraw) => -6.0,
        (E::Sanction, Discontinue) => -6.0,
        (E::Mobilize, Troops) => -6.5,
        (E::Mobilize, Weapons) => -6.5,
        (E::Mobilize, Police) => -5.5,
        (E::Mobilize, Militia) => -6.0,
        (E::Coerce, Restrict) => -7.0,
        (E::Coerce, Curfew) => -6.5,
        (E::Coerce, MartialLaw) => -7.5,
        (E::Coerce, Withhold) => -7.0,
        (E::Coerce, Misinformation) => -6.5,
        (E::Coerce, Cyber) => -7.0,
        (E::Assault, Abduct) => -8.5,
        (E::Assault, Beat) => -7.5,
        (E::Assault, Sexual) => -8.5,
        (E::Assault, Targeted) => -9.5,
        (E::Assault, Destroy) => -8.5,
        (E::Assault, Primitive) => -8.0,
        (E::Assault, Explosives) => -9.0,
        (E::Assault, Aerial) => -9.5,
        (E::Assault, Drone) => -9.5,
        (E::Assault, HeavyWeapons) => -9.5,
        (E::Assault, CrowdControl) => -7.5,
        (E::Assault, Unconventional) => -10.0,
        _ => return None,
    };
    Some(v)
}

/// An actor's code: an ISO 3166-1 alpha-3 country code, or one of PLOVER's non-state codes
/// (`IGO`, `UNO`, `EUR`, `NGO`, `ISM`, `IMG`, `MNC`), or `KOS` for Kosovo.
///
/// Kept as three upper-case ASCII letters; the lexicon checks that a country code is a real one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorCode([u8; 3]);

/// PLOVER's non-state actor codes.
pub const NON_STATE_CODES: [&str; 7] = ["IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"];

impl ActorCode {
    /// Parses three upper-case ASCII letters.
    pub fn new(s: &str) -> Option<ActorCode> {
        let b = s.as_bytes();
        if b.len() == 3 && b.iter().all(|c| c.is_ascii_uppercase()) {
            Some(ActorCode([b[0], b[1], b[2]]))
        } else {
            None
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        // The bytes are checked ASCII upper-case letters at construction.
        std::str::from_utf8(&self.0).unwrap_or("UNK")
    }

    /// Whether this is one of PLOVER's non-state codes.
    pub fn is_non_state(&self) -> bool {
        // The same list as NON_STATE_CODES, compared as bytes: coreference asks this of every
        // earlier mention, and the string form costs a UTF-8 check and seven compares.
        matches!(&self.0, b"IGO" | b"UNO" | b"EUR" | b"NGO" | b"ISM" | b"IMG" | b"MNC")
    }
}

impl fmt::Display for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ActorCode {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ActorCode::new(s).ok_or_else(|| UnknownName { table: "code", name: s.to_string() })
    }
}

impl Serialize for ActorCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ActorCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_state_test_follows_the_list() {
        for code in NON_STATE_CODES {
            assert!(ActorCode::new(code).is_some_and(|c| c.is_non_state()), "{code}");
        }
        for code in ["USA", "SYR", "IGA", "UNK", "REB"] {
            assert!(ActorCode::new(code).is_some_and(|c| !c.is_non_state()), "{code}");
        }
    }

    #[test]
    fn names_round_trip() {
        for e in EventType::ALL {
            assert_eq!(e.as_str().parse::<EventType>(), Ok(*e));
        }
        for m in Mode::ALL {
            assert_eq!(m.as_str().parse::<Mode>(), Ok(*m));
        }
        for c in Context::ALL {
            assert_eq!(c.as_str().parse::<Context>(), Ok(*c));
        }
        for s in Sector::ALL {
            assert_eq!(s.as_str().parse::<Sector>(), Ok(*s));
        }
        assert!("assault".parse::<EventType>().is_err());
    }

    #[test]
    fn every_mode_belongs_somewhere() {
        for m in Mode::ALL {
            assert!(EventType::ALL.iter().any(|e| m.belongs_to(*e)), "{m}");
        }
        assert_eq!(EventType::ALL.len(), 16);
        assert_eq!(Context::ALL.len(), 37);
        assert_eq!(Sector::ALL.len(), 25);
    }

    #[test]
    fn scores_follow_the_manual() {
        assert_eq!(EventType::Consult.scale(Some(Mode::Visit)), 4.0);
        assert_eq!(EventType::Assault.scale(Some(Mode::Firearms)), -9.0);
        assert_eq!(EventType::Retreat.scale(Some(Mode::Aerial)), 6.5);
        assert_eq!(EventType::Aid.scale(None), 10.0);
        assert_eq!(EventType::Request.quad().code(), 3);
    }

    #[test]
    fn serde_uses_plover_spelling() {
        let j = serde_json::to_string(&(EventType::Assault, Mode::HeavyWeapons, Sector::Mil))
            .unwrap_or_default();
        assert_eq!(j, r#"["ASSAULT","heavy-weapons","MIL"]"#);
        assert!(serde_json::from_str::<Mode>(r#""HEAVY""#).is_err());
    }

    #[test]
    fn actor_codes() {
        assert!(ActorCode::new("SYR").is_some());
        assert!(ActorCode::new("syr").is_none());
        assert!(ActorCode::new("SY").is_none());
        assert!(ActorCode::new("UNO").is_some_and(|c| c.is_non_state()));
    }
}
