/**
 * Every semantic rule, in the order they run: structure first (ids, children, columns), then the
 * numbers of the framework and of each indicator, then how settings combine, then names and
 * tiers. The order is the order findings come out in, before a caller sorts them by position.
 */
import type { FrameworkRule } from '../rule-context.js';
import { minimumGroupsHaveNoWeights, multiplicativeChildrenAvoidZero, zscoresAreNotUnderMultiplicativeParents } from './aggregation.js';
import { columnsAreDistinct, idsAreNotColumnNames } from './columns.js';
import { groupsHaveOneKindOfChildren } from './group-children.js';
import { idsAreUnique, tierLevelIdsAreUnique } from './ids.js';
import { levelsAreDistinct, levelsAreNotEmpty, levelsLieInRange } from './levels.js';
import { indicatorNamesAreUnique, namesHaveBothLanguages } from './names.js';
import { noneNormalisedRangesLieInUnitInterval } from './none-normalise.js';
import { goalpostsAreOrdered, goalpostsLieInRange, targetsArePositive, targetsLieInRange } from './normalise-constants.js';
import { rangesAreOrdered } from './ranges.js';
import { precisionIsSmallInteger, scaleIsPositive } from './scale-and-precision.js';
import {
  denominatorFactorsArePositive,
  denominatorsAreDataColumns,
  screenCoverageIsAShare,
  treatLimitsAreValid,
  treatmentsFitMeasuredIndicators,
} from './preparation.js';
import { percentileBoundsAreShares, rankBoundsAreAtLeastOne, scoreBoundsAreReachable, tierBoundsAreNotEmpty, tierBoundsAreOrdered } from './tier-bounds.js';
import { naturalBreaksHaveTwoLevels, naturalBreaksLevelsHaveNoRules, otherwiseEndsTheTiers, tierLevelsHaveRules } from './tier-levels.js';
import { dimensionTestsHaveOneMeasure, otherwiseIsNotNested, tierDimensionsExist, tierRulesHaveOneKey } from './tier-rules.js';
import { transformDomainsContainBounds, transformsHaveRange } from './transforms.js';
import { booleanUnitsHaveNoLevels, percentRangesLieInHundred } from './units.js';
import { weightsArePositive } from './weights.js';
import { ahpMatricesAreConsistent, ahpMatricesAreWellFormed, combineListsAreValid, derivedWeightingHasSiblings, weightingParametersAreValid } from './weighting.js';

export const FRAMEWORK_RULES: readonly FrameworkRule[] = [
  // structure
  idsAreUnique,
  groupsHaveOneKindOfChildren,
  idsAreNotColumnNames,
  columnsAreDistinct,
  // numbers
  scaleIsPositive,
  precisionIsSmallInteger,
  weightsArePositive,
  rangesAreOrdered,
  goalpostsAreOrdered,
  targetsArePositive,
  goalpostsLieInRange,
  targetsLieInRange,
  levelsAreNotEmpty,
  levelsAreDistinct,
  levelsLieInRange,
  transformDomainsContainBounds,
  transformsHaveRange,
  // how settings combine
  zscoresAreNotUnderMultiplicativeParents,
  multiplicativeChildrenAvoidZero,
  minimumGroupsHaveNoWeights,
  // weighting (issue 12)
  derivedWeightingHasSiblings,
  combineListsAreValid,
  weightingParametersAreValid,
  ahpMatricesAreWellFormed,
  ahpMatricesAreConsistent,
  noneNormalisedRangesLieInUnitInterval,
  booleanUnitsHaveNoLevels,
  percentRangesLieInHundred,
  // data preparation (denominator, screen, treat)
  screenCoverageIsAShare,
  denominatorFactorsArePositive,
  denominatorsAreDataColumns,
  treatmentsFitMeasuredIndicators,
  treatLimitsAreValid,
  // names
  namesHaveBothLanguages,
  indicatorNamesAreUnique,
  // tiers
  tierLevelIdsAreUnique,
  tierLevelsHaveRules,
  otherwiseEndsTheTiers,
  naturalBreaksHaveTwoLevels,
  naturalBreaksLevelsHaveNoRules,
  tierRulesHaveOneKey,
  otherwiseIsNotNested,
  dimensionTestsHaveOneMeasure,
  tierDimensionsExist,
  tierBoundsAreOrdered,
  rankBoundsAreAtLeastOne,
  percentileBoundsAreShares,
  scoreBoundsAreReachable,
  tierBoundsAreNotEmpty,
];
